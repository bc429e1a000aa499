import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser the approvals-page test drives: Debian's chromium package. Installed with
 * apt-get when missing and we may (root, Debian); otherwise the error says what to do.
 */
export function ensureChromium(log: (message: string) => void): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const root = process.getuid?.() === 0;
  // Not root: sudo without a password prompt, when the machine allows it.
  const sudo = !root && canSudo();
  if ((!root && !sudo) || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`Chromium not found at ${path}: install Debian's \`chromium\` package (sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  log('installing chromium with apt-get (once) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (args: string[]) => (sudo ? execFileSync('sudo', ['-n', '-E', 'apt-get', ...args], { stdio: 'inherit', env }) : execFileSync('apt-get', args, { stdio: 'inherit', env }));
  aptGet(['update', '-q']);
  aptGet(['install', '-y', '-q', '--no-install-recommends', 'chromium']);
  if (!existsSync(path)) throw new Error(`apt-get installed chromium but ${path} does not exist`);
  return path;
}

function canSudo(): boolean {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
