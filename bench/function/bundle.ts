import path from 'node:path';
// esbuild comes with tsx (the project's TypeScript runner); the bench adds no dependency.
import { buildSync } from 'esbuild';

/**
 * The Function and its shared rule code as ONE plain ES2020 script for QuickJS: no modules,
 * no Node built-ins (platform neutral), BigInt literals kept (ES2020 has them). Not minified:
 * the compile cost is subtracted, and Shopify's CLI does not minify a Function either.
 */
export function bundleFunction(outfile: string): { bytes: number; command: string } {
  const entry = path.join(__dirname, 'qjsEntry.ts');
  const result = buildSync({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'neutral', target: 'es2020', outfile, write: true, metafile: true, logLevel: 'error' });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return { bytes, command: `esbuild ${path.relative(process.cwd(), entry)} --bundle --format=iife --platform=neutral --target=es2020 --outfile=${outfile}` };
}
