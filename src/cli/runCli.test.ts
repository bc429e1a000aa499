import { runCli } from './runCli';

/** The CLI in-process with captured output: help and usage errors need no API. */
async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: { apiUrl: 'http://127.0.0.1:9', adminToken: undefined, approverToken: undefined },
    io: { out: (t) => (stdout += t), err: (t) => (stderr += t), errIsTTY: false },
  });
  return { code, stdout, stderr };
}

const COMMANDS = ['import-catalog', 'submit-cart', 'approvals', 'approve', 'reject', 'dead-webhooks', 'replay-webhooks', 'workflow', 'sync-constraints'];

describe('b2b help', () => {
  it.each(COMMANDS)('%s --help prints its usage, the common options and its exit codes, and exits 0', async (command) => {
    const { code, stdout } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: b2b ${command}`);
    expect(stdout).toMatch(/--api-url <url>[\s\S]*--token <token>[\s\S]*--json/);
    expect(stdout).toMatch(/Exit codes: 0 /);
  });

  it('help never shows a token value as a default', async () => {
    const { stdout } = await run(['approve', '--help']);
    expect(stdout).toContain('approver token (default: $B2B_APPROVER_TOKEN)');
  });

  it('no command prints help on stderr and exits 2', async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: b2b');
  });
});

describe('b2b usage errors exit 2 before anything is sent', () => {
  it.each([
    [['import-catalog'], /required option '--shop <shop>'/],
    [['submit-cart', 'cart.csv', '--shop', 'a.myshopify.com'], /required option '--location <gid>'/],
    [['submit-cart', '--shop', 'a.myshopify.com', '--location', 'gid://shopify/CompanyLocation/1'], /missing required argument 'file'/],
    [['approve'], /missing required argument 'cartId'/],
    [['reject', 'x'], /required option '--reason <text>'/],
    [['dead-webhooks', '--limit', 'ten'], /--limit.*whole number/],
    [['dead-webhooks', '--since', 'yesterday-ish'], /--since.*date-time/],
    [['sync-constraints', '--shop', 'a.myshopify.com', '--mode', 'sometimes'], /Allowed choices are full, dirty/],
    [['replay-webhooks'], /without --all/],
    [['replay-webhooks', 'id-1', '--all'], /not both/],
    [['replay-webhooks', '--shop', 'a.myshopify.com', '--all'], /leave it out/],
    [['workflow', 'a', 'b'], /too many arguments/],
    [['no-such-command'], /unknown command/],
    [['workflow', 'x', '--bogus'], /unknown option '--bogus'/],
  ])('%j', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('with --json the usage error is also one JSON document on stdout', async () => {
    const { code, stdout } = await run(['replay-webhooks', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ error: { code: 'USAGE', message: expect.stringMatching(/without --all/) } });
    const missing = await run(['import-catalog', '--json']);
    expect(JSON.parse(missing.stdout)).toEqual({ error: { code: 'USAGE', message: "required option '--shop <shop>' not specified" } });
  });
});
