// The layers hold: each directory of src/ imports only the layers below it. Read from the import statements of every
// source file, so a new import that points the wrong way fails here, and so does a listed exception that is gone.
//
//   domain (types, schemas, vocabulary), rules (pure law and dates), text (folding)   <- the bottom: nothing of ours
//   present (wording)                                                                 <- domain, rules
//   db (schema, client, migrations)                                                   <- domain
//   data (files, checks, importer)                                                    <- domain, rules, text, db
//   queries (fetch)                                                                   <- domain, rules, text, present, db
//   http (problems, cursors, links, formats, caching)                                 <- domain, queries (revision)
//   routes, pages                                                                     <- all of the above
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';

const ALLOWED: Record<string, readonly string[]> = {
  domain: ['domain', 'rules'],
  rules: ['rules', 'domain'],
  text: ['text'],
  present: ['present', 'domain', 'rules'],
  db: ['db', 'domain', 'text'],
  data: ['data', 'domain', 'rules', 'text', 'db'],
  queries: ['queries', 'domain', 'rules', 'text', 'present', 'db'],
  http: ['http', 'domain', 'db', 'queries', 'text'],
  routes: ['routes', 'http', 'queries', 'domain', 'rules', 'present', 'db', 'text'],
  pages: ['pages', 'http', 'queries', 'domain', 'rules', 'present', 'text', 'db'],
};

/** Imports that still point the wrong way, each with what removes it. Keep this list empty, or shrinking. */
const KNOWN: readonly string[] = [];

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const layerOf = (file: string) => path.relative('src', file).split(path.sep)[0]!;

t.test('every import of src/ points down the layers', async (t) => {
  const wrong: string[] = [];
  let checked = 0;
  for (const file of await sources('src')) {
    const from = layerOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) continue; // app.ts, server.ts, config.ts, cli/, bench/: the top, which wires everything
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/g)) {
      const target = path.relative('src', path.resolve(path.dirname(file), m[1]!));
      checked += 1;
      const to = target.split(path.sep)[0]!;
      if (target.startsWith('..') || !target.includes(path.sep) || !allowed.includes(to))
        wrong.push(`${path.relative('src', file)} -> ${target}`);
    }
  }
  t.ok(checked > 300, `read ${checked} relative imports`);
  t.same(wrong.sort(), [...KNOWN].sort());
});
