import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LocalStackError } from '../../errors';

/**
 * Shopify publishes its GraphQL schemas (introspection JSON) in the npm package
 * `@shopify/dev-mcp`. We take two files from its tarball — without installing the package,
 * whose dependency tree is heavy — and check them against known digests.
 */
export const SCHEMA_PACKAGE = '@shopify/dev-mcp@1.16.0';
export const ADMIN_API_VERSION = '2026-07';

export const SCHEMA_FILES = {
  admin: {
    inTarball: `package/dist/data/admin_${ADMIN_API_VERSION}.json.gz`,
    file: `admin_${ADMIN_API_VERSION}.json`,
    sha256: '8d2cb01afdee1f5776d57a3dbfbf78b288aa6dc0f3632ac4d444e46ef544dde3',
  },
  cartValidation: {
    inTarball: `package/dist/data/functions_cart_checkout_validation_${ADMIN_API_VERSION}.json.gz`,
    file: `functions_cart_checkout_validation_${ADMIN_API_VERSION}.json`,
    sha256: '5ddd0b44e172e003118c7f3d81c647720893a78c3e35406555d2c77a9f74724f',
  },
} as const;

export type SchemaName = keyof typeof SCHEMA_FILES;

/** Outside the clone, like the Temporal CLI, so fresh clones reuse one download. */
export function schemaCacheDir(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'b2b-orchestrator', 'shopify-schema', SCHEMA_PACKAGE.replace(/[@/]/g, '_'));
}

export function schemaPath(name: SchemaName): string {
  return path.join(schemaCacheDir(), SCHEMA_FILES[name].file);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Downloads (once) and verifies both schema files; returns the cache folder. */
export function ensureShopifySchemas(log: (msg: string) => void = () => undefined): string {
  const dir = schemaCacheDir();
  const missing = (Object.keys(SCHEMA_FILES) as SchemaName[]).filter((name) => !existsSync(schemaPath(name)));
  if (missing.length === 0) return dir;
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), 'shopify-schema-'));
  try {
    log(`fetching ${SCHEMA_PACKAGE} with npm pack (schemas only; the package is not installed)`);
    const tarball = execFileSync('npm', ['pack', SCHEMA_PACKAGE, '--pack-destination', work, '--silent'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    const entries = missing.map((name) => SCHEMA_FILES[name].inTarball);
    execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work, ...entries]);
    for (const name of missing) {
      const spec = SCHEMA_FILES[name];
      const json = gunzipSync(readFileSync(path.join(work, spec.inTarball)));
      const digest = sha256(json);
      if (digest !== spec.sha256) {
        throw new LocalStackError(`${spec.file} from ${SCHEMA_PACKAGE} has sha256 ${digest}, expected ${spec.sha256}`);
      }
      // Write then rename, so a concurrent reader never sees half a file.
      const tmp = `${schemaPath(name)}.${process.pid}.tmp`;
      writeFileSync(tmp, json);
      renameSync(tmp, schemaPath(name));
      log(`cached ${spec.file} (${json.length} bytes) in ${dir}`);
    }
  } catch (err) {
    if (err instanceof LocalStackError) throw err;
    throw new LocalStackError(`could not fetch the Shopify schemas from ${SCHEMA_PACKAGE}: ${String(err)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}
