// Module hooks for test/loader/register.mjs: `./x.js` imports resolve to `./x.ts` where only the .ts exists (the
// NodeNext convention the sources follow), and .ts modules are loaded through esbuild's transform. Types are not
// checked here; `npx tsc --noEmit` does that in CI.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform, version } from 'esbuild';

const options = { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline' };
// Transformed modules are kept by content (and esbuild's version and options): each of the ~50 test processes
// loads the same ~150 modules, and reading a file costs less than a round trip to esbuild's service.
const cacheDir = new URL('../../node_modules/.cache/ca-law-tests/esm/', import.meta.url);

const typescript = /\.[cm]?ts$/;

export async function resolve(specifier, context, next) {
  const parent = context.parentURL;
  const local = specifier.startsWith('file:') || specifier.startsWith('.') || specifier.startsWith('/');
  if (local && parent?.startsWith('file:')) {
    // @tapjs/mock imports a mocked module by its absolute URL with a ?tapmock= query, which is kept.
    const url = new URL(specifier, parent);
    if (url.pathname.endsWith('.js') && !existsSync(url)) {
      const ts = new URL(url.href);
      ts.pathname = url.pathname.replace(/\.js$/, '.ts');
      if (existsSync(ts)) return next(ts.href, context);
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:')) return next(url, context);
  const path = fileURLToPath(url.split('?')[0]);
  if (!typescript.test(path)) return next(url, context);
  const source = await readFile(path, 'utf8');
  const key = createHash('sha256')
    .update(`${version}\0${JSON.stringify(options)}\0${path}\0`)
    .update(source);
  const cached = new URL(`${key.digest('hex').slice(0, 32)}.js`, cacheDir);
  let code = await readFile(cached, 'utf8').catch(() => undefined);
  if (code === undefined) {
    ({ code } = await transform(source, { ...options, sourcefile: path }));
    await mkdir(cacheDir, { recursive: true });
    const tmp = new URL(`${cached.pathname.split('/').pop()}.${process.pid}.${Math.random()}`, cacheDir);
    await writeFile(tmp, code);
    await rename(tmp, cached);
  }
  return { format: 'module', source: code, shortCircuit: true };
}
