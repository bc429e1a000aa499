import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { loadAdminSchema } from '../schema/loadSchema';
import { AdminOperations } from './index';

const schema = loadAdminSchema();
const root = path.resolve(__dirname, '..', '..', '..');

describe('Admin API operations', () => {
  it.each(Object.entries(AdminOperations))('%s validates against the real Admin API 2026-07 schema', (_name, operation) => {
    expect(validate(schema, parse(operation.document)).map((e) => e.message)).toEqual([]);
  });

  it.each(Object.entries(AdminOperations))('%s with a misspelled field fails validation', (_name, operation) => {
    // Misspell the first field of the root field's selection set.
    const broken = operation.document.replace(/\{\s*([a-zA-Z]+)/, (_m, field: string) => `{ ${field}Typo`);
    expect(validate(schema, parse(broken)).length).toBeGreaterThan(0);
  });

  it('knows each operation by name, kind and root field from its document', () => {
    expect(AdminOperations.draftOrderCreate).toMatchObject({ name: 'DraftOrderCreate', kind: 'mutation', rootField: 'draftOrderCreate' });
    expect(AdminOperations.bulkOperationById).toMatchObject({ kind: 'query', rootField: 'bulkOperation' });
  });

  it('the generated types are up to date with the documents and the schema', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'codegen-'));
    const config = path.join(out, 'codegen.ts');
    const original = readFileSync(path.join(root, 'codegen.ts'), 'utf8');
    writeFileSync(
      config,
      original
        .replace("'./src/shopify/schema/schemaFiles'", `'${path.join(root, 'src/shopify/schema/schemaFiles')}'`)
        .replace("'src/shopify/operations/generated/admin.types.ts'", `'${path.join(out, 'admin.types.ts')}'`),
    );
    execFileSync(path.join(root, 'node_modules/.bin/graphql-codegen'), ['--config', config], { cwd: root, stdio: 'pipe' });
    expect(readFileSync(path.join(out, 'admin.types.ts'), 'utf8')).toBe(
      readFileSync(path.join(root, 'src/shopify/operations/generated/admin.types.ts'), 'utf8'),
    );
  });
});
