import { Command, CommanderError } from 'commander';
import { CliError } from './cliError';
import { approvalsCommand } from './commands/approvals';
import { approveCommand, rejectCommand } from './commands/decide';
import { deadWebhooksCommand } from './commands/deadWebhooks';
import { importCatalogCommand } from './commands/importCatalog';
import { replayWebhooksCommand } from './commands/replayWebhooks';
import { submitCartCommand } from './commands/submitCart';
import { syncConstraintsCommand } from './commands/syncConstraints';
import { workflowCommand } from './commands/workflow';
import type { CliContext, CommandResult, RegisterCommand } from './context';
import { EXIT } from './exitCodes';

const COMMANDS: RegisterCommand[] = [
  importCatalogCommand,
  submitCartCommand,
  approvalsCommand,
  approveCommand,
  rejectCommand,
  deadWebhooksCommand,
  replayWebhooksCommand,
  workflowCommand,
  syncConstraintsCommand,
];

const FOOTER = `
Environment: B2B_API_URL (API base URL), ADMIN_API_TOKEN (operator token),
B2B_APPROVER_TOKEN (approver token for approvals, approve, reject).

Exit codes: 0 ok; 1 failed or refused; 2 usage error; 3 not found;
4 service unavailable (API unreachable or a dependency down; retry).`;

/** The whole CLI, for main.ts and for tests in-process: parses argv, runs one command, answers its exit code. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  // Decided from argv, not from commander: a usage error must be JSON too when --json was asked.
  const json = argv.includes('--json');
  const line = (write: (s: string) => void) => (text: string) => write(text.endsWith('\n') ? text : `${text}\n`);
  const out = line(ctx.io.out);
  const err = line(ctx.io.err);
  let exitCode: number = EXIT.ok;

  const program = new Command('b2b')
    .description("Operate the Shopify B2B orchestrator through its HTTP API: imports, carts, approvals, dead webhooks, workflows.")
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.out, writeErr: ctx.io.err })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', FOOTER);
  const report = (result: CommandResult) => {
    exitCode = result.exitCode;
    if (json) out(JSON.stringify(result.data));
    else (result.exitCode === EXIT.ok ? out : err)(result.human);
  };
  for (const register of COMMANDS) register(program, ctx, report);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // commander has written the message (and the hint) to stderr already.
      if (json) out(JSON.stringify({ error: { code: 'USAGE', message: error.message.replace(/^error: /, '') } }));
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      if (json) out(JSON.stringify({ error: { code: error.code, message: error.message, ...error.details } }));
      err(`error: ${error.message}${error.code ? ` (${error.code})` : ''}`);
      return error.exitCode;
    }
    throw error;
  }
}
