/**
 * npm run bench:function [-- --profile]
 *
 * The checkout Validation Function's instruction count, against the 11M-instruction budget
 * Shopify enforces (issue 6). Shopify compiles a JavaScript Function with Javy into Wasm
 * (QuickJS inside) and counts Wasm instructions; neither Javy nor Shopify's function-runner
 * can be installed here, so the proxy is the same engine natively: the Function bundled by
 * esbuild into one ES2020 script, run by QuickJS 2024-02-14 (the sources Javy embeds, see
 * bench/function/quickjs.ts) under valgrind (cachegrind's Ir count, callgrind for the profile), which counts x86-64
 * instructions.
 *
 * Per input, four runs of the same bundle on the same file differ only in what they do:
 * load (start-up + compile + file read), parse (+ JSON.parse), context (+ checkoutContext),
 * run (+ the whole Function and its output's JSON.stringify). The proxy for Shopify's count
 * is run − load: Javy compiles the script to bytecode ahead of time and Shopify's runtime is
 * pre-initialised, so start-up and compile are not what the budget pays for; the input's
 * parse and the output's serialisation are. `--profile` adds callgrind_annotate's top
 * functions for the largest 500-line case.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFunction } from './function/bundle';
import { countArgs, countInstructions, profile, profileArgs } from './function/callgrind';
import { benchCases } from './function/inputs';
import { ensureQuickJs, quickJsVersion } from './function/quickjs';

const BUDGET = 11_000_000;
/** Shopify caps a Function's whole input at 128 KB. */
const INPUT_MAX_BYTES = 128 * 1024;
const MODES = ['load', 'parse', 'context', 'run'] as const;

const int = (n: number) => n.toLocaleString('en-US');
const ratio = (n: number) => `${(n / BUDGET).toFixed(2)}×`;

function main(): void {
  const wantProfile = process.argv.includes('--profile');
  const qjs = ensureQuickJs(console.log);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-function-'));
  try {
    const script = path.join(scratch, 'function.js');
    const bundle = bundleFunction(script);
    const rows: Record<string, Record<string, string>> = {};
    const outputs: string[] = [];
    let profiled = '';
    for (const [i, c] of benchCases().entries()) {
      const inputFile = path.join(scratch, `input-${i}.json`);
      const json = JSON.stringify(c.input);
      writeFileSync(inputFile, json);
      const bytes = Buffer.byteLength(json);
      const counts = Object.fromEntries(
        MODES.map((mode) => {
          const outFile = path.join(scratch, `cachegrind-${i}-${mode}.out`);
          const count = countInstructions(outFile, [qjs.path, '--std', script, inputFile, mode]);
          if (mode === 'run') outputs.push(`${c.name}: ${count.stdout}`);
          return [mode, count.instructions];
        }),
      ) as Record<(typeof MODES)[number], number>;
      if (wantProfile && c.lines === 500 && c.quotas > 0) profiled = profile(path.join(scratch, `callgrind-${i}.out`), [qjs.path, '--std', script, inputFile, 'run'], 40);
      const proxy = counts.run - counts.load;
      rows[c.name] = {
        'input bytes': `${int(bytes)}${bytes > INPUT_MAX_BYTES ? ' OVER 128 KB' : ''}`,
        'raw run': int(counts.run),
        'load only': int(counts.load),
        'JSON.parse': int(counts.parse - counts.load),
        'checkoutContext': int(counts.context - counts.parse),
        'validate + output': int(counts.run - counts.context),
        'proxy (run − load)': int(proxy),
        'proxy / 11M': ratio(proxy),
        'Function alone (run − parse)': int(counts.run - counts.parse),
      };
    }
    console.log(`\nengine: ${quickJsVersion(qjs)} — ${qjs.origin}`);
    console.log(`bundle: ${int(bundle.bytes)} bytes (one ES2020 script)\n`);
    console.table(rows);
    console.log(`\nproxy = run − load: JSON.parse of the input + the Function + JSON.stringify of its output; the budget is ${int(BUDGET)} Wasm instructions (Javy), these are x86-64 instructions of native QuickJS.`);
    console.log(`inputs over ${int(INPUT_MAX_BYTES)} bytes would be refused by Shopify before the Function runs: flagged OVER in the table.`);
    console.log(`\nFunction output per case:\n  ${outputs.join('\n  ')}`);
    console.log('\ncommands:');
    for (const c of qjs.commands) console.log(`  ${c}`);
    console.log(`  ${bundle.command}`);
    const command = (mode: string) => [qjs.path, '--std', script, path.join(scratch, 'input-<case>.json'), mode];
    console.log(`  valgrind ${countArgs(path.join(scratch, 'cachegrind-<case>-<mode>.out'), command('<load|parse|context|run>')).join(' ')}`);
    console.log('  instructions = the `summary:` line of the cachegrind output (event Ir)');
    if (wantProfile) console.log(`  valgrind ${profileArgs(path.join(scratch, 'callgrind-<case>.out'), command('run')).join(' ')} && callgrind_annotate --inclusive=yes <that file>`);
    if (profiled) console.log(`\ncallgrind_annotate --inclusive=yes, 500 lines with a location, run:\n${profiled}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
