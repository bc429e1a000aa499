import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The QuickJS the bench runs the Function on, natively (valgrind counts x86-64 instructions).
 *
 * Javy (what Shopify's CLI compiles a JavaScript Function with) embeds QuickJS through
 * rquickjs, pinned at rquickjs-sys =0.6.1 in Javy's crates/javy/Cargo.toml. That crate ships
 * Bellard's QuickJS sources (VERSION 2024-02-14, qjs.c included) and the patches rquickjs
 * applies, so we build `qjs` from exactly that engine: fetched from crates.io with cargo,
 * compiled with make into os.tmpdir() once and reused. Debian bookworm has no quickjs
 * package; where a Debian release has one (trixie and later), apt-get is the fallback, with
 * the engine version it ships. QJS_PATH overrides both.
 */
export const RQUICKJS_SYS = '0.6.1';
const PATCHES = ['error_column_number', 'get_function_proto', 'check_stack_overflow', 'infinity_handling'];

export interface QuickJs {
  path: string;
  /** How it was obtained, for the printed method. */
  origin: string;
  /** The commands that produced it, for the printed method. */
  commands: string[];
}

export function ensureQuickJs(log: (message: string) => void): QuickJs {
  if (process.env.QJS_PATH) return { path: process.env.QJS_PATH, origin: `QJS_PATH=${process.env.QJS_PATH}`, commands: [] };
  const dir = path.join(os.tmpdir(), `b2b-bench-quickjs-rquickjs-sys-${RQUICKJS_SYS}`);
  const built = path.join(dir, 'quickjs', 'qjs');
  const commands = [
    `cargo metadata --format-version 1 --manifest-path ${path.join(dir, 'Cargo.toml')}   # a stub crate depending on rquickjs-sys =${RQUICKJS_SYS}: fetches its source from crates.io`,
    `cp -r <rquickjs-sys-${RQUICKJS_SYS}>/quickjs ${path.join(dir, 'quickjs')} && cd ${path.join(dir, 'quickjs')} && for p in ${PATCHES.join(' ')}; do patch -p1 -f < ../patches/$p.patch; done`,
    `make -j2 qjs CONFIG_LTO=   # gcc -O2, CONFIG_BIGNUM, as the QuickJS Makefile sets`,
  ];
  const origin = `QuickJS 2024-02-14 from crates.io rquickjs-sys ${RQUICKJS_SYS} (the engine Javy embeds), built natively with gcc -O2`;
  if (existsSync(built)) return { path: built, origin, commands };
  const cargo = findCargo();
  if (cargo && which('make') && which('cc') && which('patch')) {
    buildFromCrate(cargo, dir, log);
    return { path: built, origin, commands };
  }
  return installFromApt(log);
}

function buildFromCrate(cargo: string, dir: string, log: (message: string) => void): void {
  log(`building QuickJS from crates.io rquickjs-sys ${RQUICKJS_SYS} into ${dir} (once, ~2 min) …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'Cargo.toml'), `[package]\nname = "quickjs-source"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\nrquickjs-sys = { version = "=${RQUICKJS_SYS}", default-features = false }\n`);
  writeFileSync(path.join(dir, 'src', 'lib.rs'), '');
  const metadata = JSON.parse(execFileSync(cargo, ['metadata', '--format-version', '1', '--manifest-path', path.join(dir, 'Cargo.toml')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    packages: { name: string; version: string; manifest_path: string }[];
  };
  const sys = metadata.packages.find((p) => p.name === 'rquickjs-sys' && p.version === RQUICKJS_SYS);
  if (!sys) throw new Error(`cargo metadata did not resolve rquickjs-sys ${RQUICKJS_SYS}`);
  const crate = path.dirname(sys.manifest_path);
  const src = path.join(dir, 'quickjs');
  cpSync(path.join(crate, 'quickjs'), src, { recursive: true });
  for (const p of PATCHES) execFileSync('patch', ['-p1', '-f', '-s', '-i', path.join(crate, 'patches', `${p}.patch`)], { cwd: src, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    execFileSync('make', ['-j2', 'qjs', 'CONFIG_LTO='], { cwd: src, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    rmSync(path.join(src, 'qjs'), { force: true });
    throw new Error(`building QuickJS in ${src} failed: ${(err as { stderr?: Buffer }).stderr?.toString().slice(-2000) ?? String(err)}`, { cause: err });
  }
}

/** Debian's package, where the release has one, following scripts/chromium.ts. */
function installFromApt(log: (message: string) => void): QuickJs {
  const qjs = '/usr/bin/qjs';
  const origin = "Debian's quickjs package (apt-get); its engine version, not necessarily Javy's";
  const commands = ['apt-get update -q && apt-get install -y -q --no-install-recommends quickjs'];
  if (existsSync(qjs)) return { path: qjs, origin, commands };
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error('QuickJS not found: install cargo, make, gcc and patch (the bench builds qjs from crates.io rquickjs-sys), or Debian trixie+\'s `quickjs` package (sudo apt-get install -y quickjs), or set QJS_PATH');
  }
  log('no cargo/make/cc here: installing quickjs with apt-get (once) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'quickjs'], { stdio: 'inherit', env });
  if (!existsSync(qjs)) throw new Error(`apt-get installed quickjs but ${qjs} does not exist`);
  return { path: qjs, origin, commands };
}

function findCargo(): string | null {
  const home = path.join(os.homedir(), '.cargo', 'bin', 'cargo');
  return which('cargo') ?? (existsSync(home) ? home : null);
}

function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** For the report: the version line `qjs --help` prints. */
export function quickJsVersion(qjs: QuickJs): string {
  try {
    return execFileSync(qjs.path, ['--help'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch (err) {
    // `qjs --help` exits 1 after printing its usage.
    const out = (err as { stdout?: string }).stdout ?? '';
    return out.split('\n')[0]?.trim() || 'unknown';
  }
}
