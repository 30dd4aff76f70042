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

/** A new empty PostgreSQL database on the server of DATABASE_URL, dropped on teardown (after earlier teardowns). */
export async function freshDatabaseUrl(t: Teardown, url: string): Promise<string> {
  const name = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
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

/** A fresh, migrated, empty database; dropped on teardown. */
export async function freshDatabase(t: Teardown): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrateDatabase(database);
    t.teardown(() => database.close());
    return database;
  }
  const testUrl = await freshDatabaseUrl(t, url);
  const database = await openDatabase({ databaseUrl: testUrl, poolMax: 4 });
  await migrateDatabase(database);
  t.teardown(() => database.close());
  return database;
}

/**
 * Tests send thousands of requests from one address, and PGlite's imports block the event loop for seconds: no rate
 * limit and no event-loop shedding unless a test asks for them.
 */
export async function buildTestApp(
  t: Teardown,
  dataDir = 'data',
  config: Partial<AppConfig> = {},
): Promise<FastifyInstance> {
  const database = await freshDatabase(t);
  await importDataDir(database.writeDb, dataDir);
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

/** A copy of data/ with the last Kyrgyz ruling removed (another revision), removed on teardown; with both datasets'
 * revisions and Kyrgyz case counts, for tests that import one while the app answers from the other. */
export async function twoDatasets(t: Teardown): Promise<{ other: string; revisions: Map<string, number> }> {
  const { cp, mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { parse, stringify } = await import('yaml');
  const { loadDataset } = await import('../src/data/load.js');
  const { datasetRevision } = await import('../src/data/revision.js');
  const other = path.join(await mkdtemp(path.join(tmpdir(), 'ca-law-')), 'data');
  await cp('data', other, { recursive: true });
  t.teardown(() => rm(path.dirname(other), { recursive: true, force: true }));
  const kg = path.join(other, 'kg', 'cases.yaml');
  const doc = parse(await readFile(kg, 'utf8'));
  doc.cases.pop();
  await writeFile(kg, stringify(doc));
  const revisions = new Map<string, number>();
  for (const dir of ['data', other]) {
    const ds = await loadDataset(dir);
    revisions.set(datasetRevision(ds), ds.countries.find((c) => c.dir === 'kg')!.cases.cases.length);
  }
  return { other, revisions };
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
