/**
 * `npm run demo` on this clone: the whole story on its own private stack (PostgreSQL,
 * Temporal dev server, Shopify simulator), 100,000 SKUs, must finish with exit 0 and say
 * what it did.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

it('npm run demo completes: import, 1,200-line cart → 3 drafts → approval → orders, sync, checkout validation', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'scripts', 'demo.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  // The whole output on failure, so CI says which step broke.
  expect(code === 0 ? 'exit 0' : `exit ${code}\n${out.slice(-4_000)}`).toBe('exit 0');
  expect(out).toMatch(/1\. catalog import: 100,000 SKUs/);
  expect(out).toMatch(/3\. cart of 1,200 lines → 3 linked drafts \(#D\d+: 400 lines, #D\d+: 400 lines, #D\d+: 400 lines\)/);
  expect(out).toMatch(/4\. approved → 3 orders/);
  expect(out).toMatch(/6\. checkout validation .* 40 → valid \(backend and Function\); 41 → refused/);
  expect(out).toMatch(/Function: "Your company can order 40 more of this item this month \(41 in cart\)\."/);
}, 420_000);
