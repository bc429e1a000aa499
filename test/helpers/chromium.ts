import { existsSync } from 'node:fs';

/** Debian's chromium (installed by `npm run setup -- --for-tests`), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}: run \`npm run setup -- --for-tests\` (installs Debian's chromium) or set CHROMIUM_PATH`);
  return path;
}
