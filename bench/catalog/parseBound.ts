/**
 * Parse bound (child process, so its RSS is its own): the file read and every line
 * JSON.parse'd, nothing kept or written. What Node alone needs just to look at each object
 * once; a loader that parses lines in Node can be no faster than this.
 * Job: {"file": "<path>"}. Prints {"seconds", "bytes", "lines", "maxRssKb"}.
 */
import { report } from './report';
import { forEachLine } from './lines';

async function main(): Promise<void> {
  const { file } = JSON.parse(process.argv[2]!) as { file: string };
  const started = performance.now();
  let objects = 0;
  const totals = await forEachLine(file, (line) => {
    // Counted so the parse cannot be optimised away.
    if (JSON.parse(line) !== null) objects++;
  });
  const seconds = (performance.now() - started) / 1000;
  if (objects !== totals.lines) throw new Error(`parsed ${objects} objects from ${totals.lines} lines`);
  report({ seconds, ...totals });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
