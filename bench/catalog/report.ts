/**
 * What the scripts run by child.ts print. Its own module, so that a script loads nothing it
 * does not need (its peak RSS is measured).
 */
/** For scripts: print the result as the last stdout line, with this process's own peak RSS. */
export function report(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}
