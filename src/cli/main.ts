#!/usr/bin/env node
/**
 * `b2b` — the operator's command line (`npm run cli -- <command>`, or the `b2b` bin).
 * The only place the CLI reads the environment; see docs/CLI.md for commands and exit codes.
 */
import { runCli } from './runCli';

runCli(process.argv.slice(2), {
  env: {
    apiUrl: process.env.B2B_API_URL || undefined,
    adminToken: process.env.ADMIN_API_TOKEN || undefined,
    approverToken: process.env.B2B_APPROVER_TOKEN || undefined,
  },
  io: {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: Boolean(process.stderr.isTTY),
  },
}).then(
  // Exit at once: idle keep-alive sockets must not hold a script for seconds. Writes to
  // pipes and files are synchronous on Linux, so the --json document is out already.
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`b2b: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
