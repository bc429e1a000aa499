import { readFileSync } from 'node:fs';
import path from 'node:path';

export const WRANGLER_TOML = path.resolve(__dirname, '../../src/edge/wrangler.toml');

export interface WranglerConfig {
  compatibilityDate: string;
  vars: Record<string, string>;
  producers: { queue: string; binding: string }[];
  consumers: { queue: string; max_batch_size?: number; max_batch_timeout?: number; max_retries?: number; dead_letter_queue?: string }[];
}

/**
 * Reads the subset of TOML that src/edge/wrangler.toml uses (tables, arrays of tables, string
 * and number values), so the tests run the Worker with the queues exactly as deployed.
 */
export function readWranglerConfig(file = WRANGLER_TOML): WranglerConfig {
  const config: WranglerConfig = { compatibilityDate: '', vars: {}, producers: [], consumers: [] };
  const root: Record<string, unknown> = {};
  let section: Record<string, unknown> = root;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const table = /^\[\[?([\w.]+)\]\]?$/.exec(line);
    if (table) {
      if (table[1] === 'vars') section = config.vars;
      else if (table[1] === 'queues.producers') config.producers.push((section = {}) as any);
      else if (table[1] === 'queues.consumers') config.consumers.push((section = {}) as any);
      else throw new Error(`wrangler.toml: unexpected table ${table[1]}`);
      continue;
    }
    const pair = /^(\w+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`wrangler.toml: cannot read "${line}"`);
    const value = pair[2]!;
    section[pair[1]!] = value.startsWith('"') ? JSON.parse(value) : value === 'true' || value === 'false' ? value === 'true' : Number(value);
  }
  config.compatibilityDate = String(root.compatibility_date);
  return config;
}
