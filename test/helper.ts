// buildTestApp(t): the real app on a fresh database per test file (PGlite, or a new PostgreSQL database when
// DATABASE_URL is set), migrated and loaded from data/ (or another folder), torn down after the file's tests.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openApiViolations } from './openapi-validator.js';
import pg from 'pg';
import type tap from 'tap';
import { buildApp, type AppConfig } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { importDataDir } from '../src/data/import.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** A new PostgreSQL database on the server of DATABASE_URL (empty, or a copy of `template`), dropped on teardown
 * (after earlier teardowns). */
export async function freshDatabaseUrl(t: Teardown, url: string, template?: string): Promise<string> {
  const name = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  t.teardown(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return testUrl.toString();
}

const CACHE = 'node_modules/.cache/ca-law-tests';
type Kind = 'empty' | 'loaded';

/** How each kind of cached database is made: the directories it depends on, and what fills the migrated database. */
const KINDS: Record<Kind, { from: readonly string[]; fill: (database: Database) => Promise<void> }> = {
  empty: { from: ['migrations', 'src/db'], fill: () => Promise.resolve() },
  loaded: {
    from: ['data', 'migrations', 'src/data', 'src/db', 'src/text', 'src/domain', 'src/rules'],
    fill: async (database) => {
      await importDataDir(database.writeDb, 'data');
    },
  },
};

/** A fresh, migrated, empty database; dropped on teardown. Copied, like loadedDatabase's, from a migrated empty
 * database made once per content of the migrations and the database code (PGlite's initdb and the migrations cost
 * more than a copy, in every file that imports a fixture). */
export function freshDatabase(t: Teardown): Promise<Database> {
  return copiedDatabase(t, 'empty');
}

/**
 * A migrated database holding data/, made once per content of data/, the migrations and the import code, then
 * copied for each test file: on PGlite from a dump of the data directory (node_modules/.cache/ca-law-tests), on
 * PostgreSQL from a template database (ca_law_tpl_<key>). Importing the real data in every file cost most of the
 * suite's time; a copy costs a fraction, and every file still gets a database of its own.
 */
export function loadedDatabase(t: Teardown): Promise<Database> {
  return copiedDatabase(t, 'loaded');
}

async function copiedDatabase(t: Teardown, kind: Kind): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const database = url
    ? await openDatabase({ databaseUrl: await copiedDatabaseUrl(t, url, kind), poolMax: 4 })
    : await openDatabase({ pgliteLoad: await pgliteDump(kind) });
  t.teardown(() => database.close());
  return database;
}

/** A hash of the files under `dirs`: what a cached database made from them depends on. */
async function cacheKey(dirs: readonly string[]): Promise<string> {
  const { createHash } = await import('node:crypto');
  const { readdir, readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else
        hash
          .update(p)
          .update('\0')
          .update(await readFile(p))
          .update('\0');
    }
  };
  for (const dir of dirs) await walk(dir);
  return hash.digest('hex').slice(0, 16);
}

/**
 * PGlite's data directory of a migrated database of `kind` (empty, or holding data/) as a tar, for
 * openDatabase({ pgliteLoad }): made once per content of what it depends on, and kept in node_modules/.cache.
 */
export async function pgliteDump(kind: Kind): Promise<Blob> {
  const { mkdir, readFile, rm, stat } = await import('node:fs/promises');
  const key = await cacheKey(KINDS[kind].from);
  const file = `${CACHE}/pglite-${kind}-${key}.tar`;
  // One process builds a missing dump while the others wait for it (a directory made atomically is the lock): on a
  // fresh clone every file starting at once had built the same dump, two at a time, for the first minute. A lock
  // older than two minutes is taken to be left by a process that died.
  await mkdir(CACHE, { recursive: true });
  const lock = `${file}.lock`;
  for (;;) {
    const cached = await readFile(file).catch(() => undefined);
    if (cached) return new Blob([cached]);
    const locked = await mkdir(lock).then(
      () => true,
      () => false,
    );
    if (locked) break;
    const age = await stat(lock).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > 120_000) await rm(lock, { recursive: true, force: true });
    else await new Promise((r) => setTimeout(r, 100));
  }
  try {
    const cached = await readFile(file).catch(() => undefined);
    if (cached) return new Blob([cached]);
    return await buildPgliteDump(kind, key, file);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function buildPgliteDump(kind: Kind, key: string, file: string): Promise<Blob> {
  const { mkdir, readdir, rename, rm, writeFile } = await import('node:fs/promises');
  // The loaded database starts from the migrated empty one (its own dump), which spares a second initdb.
  const database = await openDatabase(kind === 'empty' ? {} : { pgliteLoad: await pgliteDump('empty') });
  let dump: Blob;
  try {
    if (kind === 'empty') await migrateDatabase(database);
    await KINDS[kind].fill(database);
    const { dumpPglite } = await import('../src/db/client.js');
    dump = await dumpPglite(database)!;
  } finally {
    await database.close();
  }
  await mkdir(CACHE, { recursive: true });
  const tmp = `${file}.${process.pid}`;
  await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
  await rename(tmp, file);
  // Dumps of other contents of this kind (and those of the older naming) are of no further use here.
  for (const f of await readdir(CACHE))
    if (
      (f.startsWith(`pglite-${kind}-`) && f.endsWith('.tar') && !f.includes(key)) ||
      /^pglite-[0-9a-f]+\.tar$/.test(f)
    )
      await rm(`${CACHE}/${f}`, { force: true });
  return dump;
}

/**
 * On the PostgreSQL server of `url`: the URL of a new database copied from a template database of `kind` (empty, or
 * holding data/), made once per content of what it depends on; dropped on teardown.
 */
export async function copiedDatabaseUrl(t: Teardown, url: string, kind: Kind): Promise<string> {
  const prefix = kind === 'loaded' ? 'ca_law_tpl_' : 'ca_law_empty_';
  const template = `${prefix}${await cacheKey(KINDS[kind].from)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = async () =>
      (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1;
    if (!(await exists())) {
      // Built under a lock, so two files starting together build it once; older templates are dropped.
      await admin.query('select pg_advisory_lock(7301720241)');
      try {
        if (!(await exists())) {
          // Keep the newest few (other checkouts on this server may be using theirs), drop the rest.
          const old = await admin.query(
            `select datname from pg_database where datname like '${prefix.replaceAll('_', '\\_')}%' order by oid desc offset 4`,
          );
          for (const r of old.rows as { datname: string }[])
            await admin.query(`drop database if exists ${r.datname} with (force)`);
          const building = `${template}_building`;
          await admin.query(`drop database if exists ${building} with (force)`);
          await admin.query(`create database ${building}`);
          const buildUrl = new URL(url);
          buildUrl.pathname = `/${building}`;
          const db = await openDatabase({ databaseUrl: buildUrl.toString(), poolMax: 2 });
          await migrateDatabase(db);
          await KINDS[kind].fill(db);
          await db.close();
          await admin.query(`alter database ${building} rename to ${template}`);
        }
      } finally {
        await admin.query('select pg_advisory_unlock(7301720241)');
      }
    }
  } finally {
    await admin.end();
  }
  return freshDatabaseUrl(t, url, template);
}

/**
 * Tests send thousands of requests from one address, and PGlite's imports block the event loop for seconds: no rate
 * limit and no event-loop shedding unless a test asks for them.
 */
export async function buildTestApp(
  t: Teardown,
  dataDir = 'data',
  config: Partial<AppConfig> = {},
  /** freshImport: import data/ into this file's database instead of copying the loaded one (for tests of imports). */
  opts: { freshImport?: boolean } = {},
): Promise<FastifyInstance> {
  const copy = dataDir === 'data' && !opts.freshImport;
  const database = copy ? await loadedDatabase(t) : await freshDatabase(t);
  if (!copy) await importDataDir(database.writeDb, dataDir);
  const app = await buildApp({
    config: { logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0, ...config },
    database,
    logger: false,
  });
  t.teardown(() => app.close());
  checkEveryResponse(app);
  return app;
}

/** Wraps app.inject so that every response is checked against openapi.yaml; a departure fails the request. */
export function checkEveryResponse(app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (opts: InjectOptions | string) => Promise<LightMyRequestResponse>;
  const checked = async (opts: InjectOptions | string): Promise<LightMyRequestResponse> => {
    const res = await inject(opts);
    const method = typeof opts === 'string' ? 'GET' : (opts.method ?? 'GET').toUpperCase();
    const url = typeof opts === 'string' ? opts : String(opts.url ?? opts.path ?? '/');
    const violations = openApiViolations(method, url, res);
    if (violations.length > 0) throw new Error(`response departs from openapi.yaml:\n  ${violations.join('\n  ')}`);
    return res;
  };
  (app as unknown as { inject: typeof checked }).inject = checked;
}

/** Each URL answers a 400 problem whose `errors` name the parameter given beside it. */
export async function expectBadParameters(
  t: Pick<typeof tap, 'equal' | 'ok'>,
  app: FastifyInstance,
  cases: readonly (readonly [string, string])[],
): Promise<void> {
  for (const [url, name] of cases) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 400, url);
    t.ok(
      res.json().errors.some((e: { name: string }) => e.name === name),
      `${url} names ${name}`,
    );
  }
}

/**
 * The environment for a child process a test starts (a server, the data check), without line coverage. The test
 * runner's coverage hook reaches every child through NODE_OPTIONS, and a child under tsx runs modules that tsx has
 * put on one line each: merged with the test process's coverage of the same files, that made whole files count as
 * one covered statement, depending on which coverage file the report read last.
 */
export function childEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  out._TAPJS_PROCESSINFO_COVERAGE_ = '0';
  return out;
}
