// A restart on an unchanged data folder: recognised from the files' bytes (the same revision loadDataset computes),
// one query and no import; a server started twice on one PGLITE_DIR imports only the first time. The restarts use the
// small fixture (test/fixtures/dataset.ts): what they test is whether a folder is imported, not what it holds, and
// importing data/ twice cost most of this file's time. Each PGLITE_DIR starts as a copy of a migrated empty database
// (test/helper.ts pgliteDump): PGlite's initdb into a folder took seconds more.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import t from 'tap';
import { derivedState, importIfChanged } from '../../src/data/import.js';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision, folderRevision } from '../../src/data/revision.js';
import { openDatabase, queryRows } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { fixtureData, fixtureDataset } from '../fixtures/dataset.js';
import { childEnv, pgliteDump } from '../helper.js';

async function tempDir(t: { teardown(fn: () => unknown): void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ca-law-start-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

t.test('the folder revision from bytes alone is the revision of the loaded dataset', async (t) => {
  const full = datasetRevision(await loadDataset('data'));
  t.match(full, /^[0-9a-f]{16}$/);
  t.equal(await folderRevision('data'), full);
  t.equal(await folderRevision('data/'), full, 'a trailing slash names the same folder');
  const copy = path.join(await tempDir(t), 'data');
  await cp('data', copy, { recursive: true });
  t.equal(await folderRevision(copy), full, 'a copy under another parent: the same files, the same revision');
  // A country's own sources.yaml is read by loadDataset, so it changes the revision here too.
  await writeFile(path.join(copy, 'kg', 'sources.yaml'), 'sources: []\n');
  t.equal(await folderRevision(copy), datasetRevision(await loadDataset(copy)));
  t.not(await folderRevision(copy), full);
  // A file that is not part of the dataset does not count, as in loadDataset.
  await writeFile(path.join(copy, 'NOTES.txt'), 'not data');
  t.equal(await folderRevision(copy), datasetRevision(await loadDataset(copy)));
  await rm(path.join(copy, 'kg', 'cases.yaml'));
  t.equal(await folderRevision(copy), undefined, 'a required file missing: left to loadDataset to report');
  t.equal(await folderRevision(path.join(copy, 'nowhere')), undefined);
});

t.test('importIfChanged on an unchanged PGlite folder: one statement, nothing imported', async (t) => {
  const dir = await tempDir(t);
  let seed: Blob | undefined = await pgliteDump('empty');
  const open = async () => {
    const database = await openDatabase({ pgliteDir: dir, pgliteLoad: seed });
    seed = undefined;
    await migrateDatabase(database);
    return database;
  };
  const data = await fixtureDataset(t);
  const fixture = fixtureData();
  let database = await open();
  const first = await importIfChanged(database.writeDb, data);
  t.equal(first.imported, true);
  const cases = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from cases`))[0]!.n;
  t.equal(cases, fixture.kg.cases.cases!.length + fixture.uz.cases.cases!.length, "the fixture's cases imported");
  await database.close();

  database = await open();
  t.teardown(() => database.close());
  // The YAML is not even parsed: loadDataset, counted, is not called.
  const load = await import('../../src/data/load.js');
  let loads = 0;
  const mocked = await t.mockImport<typeof import('../../src/data/import.js')>('../../src/data/import.js', {
    '../../src/data/load.js': { ...load, loadDataset: (dir: string) => ((loads += 1), load.loadDataset(dir)) },
  });
  const before = database.statements();
  const second = await mocked.importIfChanged(database.writeDb, data);
  t.equal(database.statements() - before, 1, 'one statement: the latest revision');
  t.equal(loads, 0, 'the data folder was not loaded');
  t.same(second, { revision: first.revision, changed: false, counts: first.counts, imported: false, derived: false });
  t.equal((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from cases`))[0]!.n, cases);
  const revisions = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from dataset_revisions`);
  t.equal(revisions[0]!.n, 1, 'no second revision row');
});

t.test('importIfChanged on unchanged files rewrites the derived tables written by other code', async (t) => {
  const database = await openDatabase({ pgliteLoad: await pgliteDump('empty') });
  t.teardown(() => database.close());
  await migrateDatabase(database);
  const data = await fixtureDataset(t);
  t.equal(await derivedState(database.db), 'none', 'no revision yet');
  const first = await importIfChanged(database.writeDb, data);
  const count = async () =>
    (
      await queryRows<{ docs: number; rollup: number; cases: number; versions: number }>(
        database.db,
        sql`select (select count(*)::int from case_docs) as docs,
          (select coalesce(sum(cases), 0)::int from case_rollup) as rollup, (select count(*)::int from cases) as cases,
          (select count(*)::int from provision_versions where doc is not null) as versions`,
      )
    )[0]!;
  const built = await count();
  t.ok(built.cases > 0 && built.versions > 0);
  t.same(built, { docs: built.cases, rollup: built.cases, cases: built.cases, versions: built.versions });
  // As a database imported before the derived tables existed (a migration added them empty) or by code that built
  // them differently: the revision is the same, the derived tables are not this code's.
  await database.writeDb.execute(sql`delete from case_docs`);
  await database.writeDb.execute(sql`delete from case_rollup`);
  await database.writeDb.execute(sql`update provision_versions set doc = null`);
  await database.writeDb.execute(sql`update dataset_revisions set derived_version = null`);
  t.same(await count(), { docs: 0, rollup: 0, cases: built.cases, versions: 0 });
  t.equal(await derivedState(database.db), 'stale', 'what a start without import warns about');
  const second = await importIfChanged(database.writeDb, data);
  t.same(second, { revision: first.revision, changed: false, counts: first.counts, imported: false, derived: true });
  t.same(await count(), built, 'rebuilt from the rows');
  const third = await importIfChanged(database.writeDb, data);
  t.equal(third.derived, false, 'the version recorded: not rebuilt again');
  t.equal(await derivedState(database.db), 'current');
  const revisions = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from dataset_revisions`);
  t.equal(revisions[0]!.n, 1, 'no second revision row');
});

/** Runs the server (as npm start does) until it listens, and returns its log lines. */
function startServer(env: Record<string, string>): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...childEnv(), PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (/Server listening at/.test(out)) child.kill('SIGTERM');
    });
    child.once('exit', (code) => {
      const lines = out.split('\n').filter(Boolean);
      if (/Server listening at/.test(out)) resolve(lines);
      else reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

t.test('a server started twice on one PGLITE_DIR imports the first time only', async (t) => {
  const dir = await tempDir(t);
  const data = await fixtureDataset(t);
  await (await openDatabase({ pgliteDir: dir, pgliteLoad: await pgliteDump('empty') })).close();
  const messages = (lines: string[]) =>
    lines.map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg: string }).msg : l));
  const first = messages(await startServer({ PGLITE_DIR: dir, DATA_DIR: data }));
  t.ok(first.includes('dataset imported'), 'the first start imports');
  const second = messages(await startServer({ PGLITE_DIR: dir, DATA_DIR: data }));
  t.ok(second.includes('dataset unchanged: not imported again'), 'the second start says it did not import');
  t.notOk(second.includes('dataset imported'));
  // Derived tables of another version of the code, and no import at start: the start says so (and serves).
  const database = await openDatabase({ pgliteDir: dir });
  await database.writeDb.execute(sql`update dataset_revisions set derived_version = 'older'`);
  await database.close();
  const third = messages(await startServer({ PGLITE_DIR: dir, DATA_DIR: data, IMPORT_ON_START: 'false' }));
  t.ok(third.includes('derived tables were written by another version of the code: run npm run data:import'));
  t.notOk(messages(second).some((m) => m.startsWith('derived tables were written')));
});
