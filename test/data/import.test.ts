// The data pipeline: validation errors name file and path; the import is one transaction, idempotent, and
// removes what data/ no longer holds.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import t from 'tap';
import { parse, stringify } from 'yaml';
import { checkDataset } from '../../src/data/check.js';
import { importDataDir } from '../../src/data/import.js';
import { DataError, formatIssue, loadDataset } from '../../src/data/load.js';
import { queryRows, type Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { datasetRevision } from '../../src/data/revision.js';
import { fixtureData, fixtureDataset } from '../fixtures/dataset.js';
import { richer } from '../fixtures/richer.js';
import { childEnv, freshDatabase, loadedDatabase } from '../helper.js';

/** The import's own bookkeeping: kept across imports, so not rewritten (dataset_revisions grows by one per change). */
const BOOKKEEPING = ['dataset_revisions', 'record_hashes', 'record_changes'];
const nameOf = (table: PgTable) => getTableConfig(table).name;
/** Every dataset table (the registry the importer rewrites), and the revisions. */
const TABLES = [...(Object.values(schema.DATASET_TABLES) as PgTable[]).map(nameOf), 'dataset_revisions'];

t.test('every table of the schema is a dataset table of the registry or bookkeeping', async (t) => {
  const all = (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => is(v, PgTable))
    .map(nameOf)
    .sort();
  t.same(all, [...(Object.values(schema.DATASET_TABLES) as PgTable[]).map(nameOf), ...BOOKKEEPING].sort());
  t.equal(TABLES.length, 27);
});

/** A fingerprint of every table's rows. */
async function dump(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const cols = table === 'dataset_revisions' ? 'x.revision' : 'x::text';
    const [row] = await queryRows<{ n: number; h: string | null }>(
      db,
      sql.raw(`select count(*)::int as n, md5(string_agg(${cols}, ',' order by ${cols})) as h from ${table} x`),
    );
    out[table] = `${row!.n}:${row!.h}`;
  }
  return out;
}

async function editYaml(file: string, fn: (doc: any) => void): Promise<void> {
  const doc = parse(await readFile(file, 'utf8'));
  fn(doc);
  await writeFile(file, stringify(doc));
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    const ds = await loadDataset(dir);
    return checkDataset(ds).map(formatIssue);
  } catch (err) {
    if (err instanceof DataError) return err.issues.map(formatIssue);
    throw err;
  }
}

t.test('data/ is valid', async (t) => {
  t.same(await problemsOf('data'), []);
});

// The checker's messages, on the richer fixture (test/fixtures/richer.ts: a code that ended, an article of it, articles
// in force with versions, parts and penalties): what is tested is the check, not data/, so each scenario edits a
// copy of the small fixture instead of the real folder.
t.test('each kind of mistake is reported with its file and path', async (t) => {
  const kgCases = (d: string) => path.join(d, 'kg', 'cases.yaml');
  const kgLaw = (d: string) => path.join(d, 'kg', 'law.yaml');
  const scenarios: [string, (d: string) => Promise<void>, RegExp][] = [
    [
      'a serving conduct missing from conducts.yaml',
      (d) =>
        editYaml(path.join(d, 'conducts.yaml'), (doc) => {
          doc.conducts = doc.conducts.filter((c: { code: string }) => c.code !== 'foreign-military-service');
        }),
      /^data\/conducts\.yaml: conducts: must define foreign-military-service: serving a force means it$/,
    ],
    [
      'malformed YAML',
      (d) => writeFile(kgCases(d), 'cases:\n  - id: [unclosed\n'),
      /^data\/kg\/cases\.yaml: line \d+, column \d+: invalid YAML/,
    ],
    [
      'unknown provision',
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[0].charges = [{ provision: 'kg-cc-2020-art-999', part: '1' }])),
      /^data\/kg\/cases\.yaml: cases\[0\]\.charges\[0\]\.provision: unknown provision kg-cc-2020-art-999$/,
    ],
    [
      'unknown part',
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[0].charges = [{ provision: 'kg-cc-2020-art-100', part: '9' }])),
      /^data\/kg\/cases\.yaml: cases\[0\]\.charges\[0\]\.part: provision kg-cc-2020-art-100 has no part 9$/,
    ],
    [
      'duplicate id',
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[1].id = doc.cases[0].id)),
      /^data\/kg\/cases\.yaml: cases\[1\]\.id: duplicate case id /,
    ],
    [
      'a defendant name too long for the indexes',
      // 200 characters as written, 2,400 bytes once folded (each one 12): the folded form is what the indexes hold.
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[0].defendant.name = '⨌'.repeat(200))),
      /^data\/kg\/cases\.yaml: cases\[0\]\.defendant\.name: too long: 2400 bytes once folded, at most 2000 \(one person's name\)$/,
    ],
    [
      'unknown source',
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[0].sources = ['no-such-source'])),
      /^data\/kg\/cases\.yaml: cases\[0\]\.sources\[0\]: unknown source no-such-source$/,
    ],
    [
      'no source at all',
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[0].sources = [])),
      /^data\/kg\/cases\.yaml: cases\[0\]\.sources: must name at least one source$/,
    ],
    [
      'min greater than max',
      (d) =>
        editYaml(kgLaw(d), (doc) => {
          const pen = doc.provisions[1].versions[0].parts[0].penalties[0];
          pen.min = 20;
          pen.max = 2;
        }),
      /^data\/kg\/law\.yaml: provisions\[1\]\.versions\[0\]\.parts\[0\]\.penalties\[0\]: min 20 is greater than max 2$/,
    ],
    [
      'a date that does not exist',
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[0].decided = '2024-02-30')),
      /^data\/kg\/cases\.yaml: cases\[0\]\.decided: is not a real date$/,
    ],
    [
      'overlapping versions',
      (d) =>
        editYaml(kgLaw(d), (doc) => {
          const p = doc.provisions[1];
          const first = p.versions[0];
          p.versions = [
            { ...first, validTo: null },
            { ...first, id: 'second', validFrom: '2022-01-01' },
          ];
        }),
      /^data\/kg\/law\.yaml: provisions\[1\]\.versions\[1\]\.validFrom: must equal the previous version's validTo \(null\): versions partition the span/,
    ],
    [
      'a hole between versions',
      (d) =>
        editYaml(kgLaw(d), (doc) => {
          const p = doc.provisions[1];
          const first = p.versions[0];
          p.versions = [
            { ...first, validTo: '2022-01-01' },
            { ...first, id: 'second', validFrom: '2022-03-01' },
          ];
        }),
      /^data\/kg\/law\.yaml: provisions\[1\]\.versions\[1\]\.validFrom: must equal the previous version's validTo \(2022-01-01\)/,
    ],
    [
      'a first version that starts at a report, not at the entry into force',
      (d) =>
        editYaml(kgLaw(d), (doc) => {
          doc.provisions[1].versions[0].validFrom = '2023-05';
        }),
      /^data\/kg\/law\.yaml: provisions\[1\]\.versions\[0\]\.validFrom: the first version must start when the article took effect \(2020-01-01\)/,
    ],
    [
      'a version of an article whose code ended that stays open',
      (d) =>
        editYaml(kgLaw(d), (doc) => {
          const p = doc.provisions.find((x: { id: string }) => x.id === 'kg-cc-2017-art-155');
          p.versions[p.versions.length - 1].validTo = null;
        }),
      /^data\/kg\/law\.yaml: provisions\[\d+\]\.versions\[\d+\]\.validTo: the last version must end when the article ceased/,
    ],
    ["a country's cases.yaml deleted", (d) => rm(kgCases(d)), /^data\/kg\/cases\.yaml: file is missing/],
    [
      'a NUL in a text',
      (d) =>
        editYaml(kgCases(d), (doc) => {
          doc.cases[0].summary = 'before\u0000after';
        }),
      /^data\/kg\/cases\.yaml: cases\[0\]\.summary: must not contain control characters/,
    ],
    [
      'an inferred date without a note',
      (d) =>
        editYaml(kgCases(d), (doc) => {
          doc.cases[0].dateKind = 'inferred';
          delete doc.cases[0].dateNote;
        }),
      /^data\/kg\/cases\.yaml: cases\[0\]\.dateNote: dateKind inferred needs a dateNote/,
    ],
    [
      'a misspelt field',
      (d) => editYaml(kgCases(d), (doc) => (doc.cases[0].sumary = 'x')),
      /^data\/kg\/cases\.yaml: cases\[0\]: Unrecognized key: "sumary"$/,
    ],
  ];
  // Unedited, the fixture has no problem: each message below comes from its scenario's edit.
  t.same(await problemsOf(await fixtureDataset(t, richer)), [], 'the richer fixture is valid');
  for (const [name, edit, expected] of scenarios) {
    const dir = await fixtureDataset(t, richer);
    await edit(dir);
    const problems = (await problemsOf(dir)).map((p) => p.replace(/^[^:]*?data\//, 'data/'));
    t.ok(
      problems.some((p) => expected.test(p)),
      `${name}: ${problems.join(' | ')}`,
    );
  }
});

t.test('import of data/: a second run leaves the same rows', async (t) => {
  // data/ imported once into a migrated database (test/helper.ts makes it once and copies it): the first run.
  const database = await loadedDatabase(t);
  const db = database.db;
  const before = await dump(db);
  const again = await importDataDir(db, 'data');
  t.equal(again.revision, datasetRevision(await loadDataset('data')));
  t.equal(again.changed, false, 'same files, same revision');
  t.same(await dump(db), before, 'a second run leaves the same rows');
});

// The import's transaction on the small fixture (test/fixtures/dataset.ts): what is tested is how rows are rewritten
// and rolled back, which four imports of data/ made the slowest part of this file.
t.test('import: idempotent, removes deleted records, and all-or-nothing', async (t) => {
  const database = await freshDatabase(t);
  const db = database.db;
  const data = await fixtureDataset(t);
  const first = await importDataDir(db, data);
  t.equal(first.changed, true);
  const before = await dump(db);
  const again = await importDataDir(db, data);
  t.equal(again.revision, first.revision);
  t.equal(again.changed, false, 'same files, same revision');
  t.same(await dump(db), before, 'a second run leaves the same rows');

  // A record removed from data/ disappears from the database.
  const removed = fixtureData().kg.cases.cases!.at(-1)!.id;
  const smaller = await fixtureDataset(t, (d) => {
    d.kg.cases.cases!.pop();
  });
  const third = await importDataDir(db, smaller);
  t.not(third.revision, first.revision);
  const left = await queryRows<{ id: string }>(db, sql`select id from cases where id = ${removed}`);
  t.same(left, [], `${removed} is gone`);
  t.equal(third.counts.cases, (first.counts.cases ?? 0) - 1);

  // A broken data folder changes nothing.
  const afterThird = await dump(db);
  const broken = await fixtureDataset(t);
  await writeFile(path.join(broken, 'uz', 'cases.yaml'), 'cases: [\n');
  await t.rejects(importDataDir(db, broken), DataError);
  t.same(await dump(db), afterThird, 'a bad file changes nothing');

  // A crash in the middle of the writes rolls back everything written before it.
  const crashing = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (fn: (tx: Db) => Promise<unknown>) =>
        target.transaction((tx) =>
          fn(
            new Proxy(tx, {
              get(inner, p, r) {
                if (p === 'insert') {
                  return (table: unknown) => {
                    if (table === schema.cases) throw new Error('simulated crash while inserting cases');
                    return inner.insert(table as typeof schema.cases);
                  };
                }
                const v = Reflect.get(inner, p, r);
                return typeof v === 'function' ? v.bind(inner) : v;
              },
            }) as Db,
          ),
        );
    },
  });
  await t.rejects(importDataDir(crashing, data), /simulated crash/);
  t.same(await dump(db), afterThird, 'the crash left the database as it was');
});

t.test('npm run data:check exits non-zero and names the file and path', async (t) => {
  // A broken copy of the fixture for the failure, data/ itself for the success.
  const dir = await fixtureDataset(t);
  await editYaml(
    path.join(dir, 'kg', 'cases.yaml'),
    (doc) => (doc.cases[1].charges = [{ provision: 'kg-cc-2020-art-999', part: null }]),
  );
  const run = (...args: string[]) => promisify(execFile)(process.execPath, args, { env: childEnv() });
  const err = await run('--import', 'tsx', 'src/cli/data-check.ts', dir).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  t.ok(err, 'exits with an error');
  t.equal(err!.code, 1);
  t.match(
    err!.stderr,
    /data\/kg\/cases\.yaml: cases\[1\]\.charges\[0\]\.provision: unknown provision kg-cc-2020-art-999/,
  );
  const ok = await run('--import', 'tsx', 'src/cli/data-check.ts', 'data');
  t.match(ok.stdout, /data: valid, revision [0-9a-f]{16}/);
});

// After an import, no search waits on a GIN index's pending list: the import merges what its inserts left there
// (src/db/derived.ts, vacuumAfterImport). Read with pageinspect, which only the PostgreSQL run has loaded.
t.test(
  'an import leaves no GIN index with a pending list',
  { skip: !process.env.DATABASE_URL && 'PostgreSQL only' },
  async (t) => {
    const database = await freshDatabase(t);
    const db = database.db;
    await db.execute(sql`create extension if not exists pageinspect`);
    const pending = async () =>
      Object.fromEntries(
        (
          await queryRows<{ index: string; tuples: number }>(
            db,
            sql`select c.relname as index, (gin_metapage_info(get_raw_page(c.relname::text, 0))).n_pending_tuples::int as tuples
          from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
          where a.amname = 'gin' and c.relnamespace = current_schema()::regnamespace order by 1`,
          )
        ).map((r) => [r.index, r.tuples]),
      );
    await importDataDir(db, await fixtureDataset(t));
    const after = await pending();
    t.ok(Object.keys(after).includes('search_documents_match_idx'), Object.keys(after).join(', '));
    t.strictSame(after, Object.fromEntries(Object.keys(after).map((k) => [k, 0])), 'every list merged');
    // The measure sees a pending entry: one document more, before it is merged.
    await db.execute(sql`insert into search_documents (doc_type, doc_id, countries, title, body, extra, folded)
    values ('source', 'pending-probe', '{}', 'probe', 'probe', '', 'probe')`);
    t.ok((await pending()).search_documents_match_idx! > 0, 'an insert is pending until merged');
  },
);

// After an import, every page of every table is marked all-visible (the import's vacuum), so that index-only scans,
// such as the case list filtered by a defendant's name, read the index alone; and the planner has the new rows'
// statistics (reltuples is -1 for a table never vacuumed or analysed).
t.test('an import leaves every table vacuumed and analysed', async (t) => {
  const database = await freshDatabase(t);
  const tables = () =>
    queryRows<{ table: string; pages: number; visible: number; tuples: number }>(
      database.db,
      sql`select c.relname as table, c.relpages::int as pages, c.relallvisible::int as visible, c.reltuples::int as tuples
        from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace order by 1`,
    );
  const before = await tables();
  t.ok(before.some((r) => r.table === 'cases' && r.tuples === -1), 'a fresh database: cases never analysed');
  await importDataDir(database.db, await fixtureDataset(t));
  const after = await tables();
  const cases = after.find((r) => r.table === 'cases')!;
  const [{ n }] = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from cases`)) as [
    { n: number },
  ];
  t.equal(cases.tuples, n, 'the statistics count the cases imported');
  t.ok(cases.pages > 0);
  t.strictSame(
    after.filter((r) => r.visible !== r.pages),
    [],
    'no table has a page that is not all-visible',
  );
});
