import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

it('the committed migrations match the typed schema (drizzle-kit generates nothing new)', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'drizzle-drift-'));
  cpSync(path.join(root, 'drizzle'), out, { recursive: true });
  const before = readdirSync(out).sort();

  const output = execFileSync(
    path.join(root, 'node_modules', '.bin', 'drizzle-kit'),
    // drizzle-kit prefixes './' to --out, so it must be relative to the project.
    ['generate', '--dialect', 'postgresql', '--schema', 'src/db/schema/index.ts', '--out', path.relative(root, out), '--casing', 'snake_case'],
    { cwd: root, encoding: 'utf8' },
  );

  expect(readdirSync(out).sort()).toEqual(before);
  expect(output).toMatch(/No schema changes/);
});
