/**
 * The CLI's exit codes, the contract with the scripts that call it (docs/CLI.md):
 * 0 done; 1 failed or refused (a conflict, a token not accepted, an import that failed);
 * 2 bad usage (arguments, or input the API rejected as malformed); 3 not found;
 * 4 service unavailable (API unreachable, or it answered that a dependency is down — retry).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3, unavailable: 4 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code of an API answer that was not the one a command expects. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status >= 200 && status < 300) return EXIT.ok;
  if (status === 400 || status === 413 || status === 415) return EXIT.usage;
  if (status === 404) return EXIT.notFound;
  if (status === 502 || status === 503 || status === 504) return EXIT.unavailable;
  return EXIT.failed;
}
