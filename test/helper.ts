// buildTestApp(t): the real app on a fresh database per test file (PGlite, or a new PostgreSQL database when
// DATABASE_URL is set), migrated and loaded from data/ (or another folder), torn down after the file's tests.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { importDataDir } from '../src/data/import.js';

interface Teardown {
  teardown(fn: () => unknown): void;
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
  const name = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: testUrl.toString(), poolMax: 4 });
  await migrateDatabase(database);
  t.teardown(async () => {
    await database.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return database;
}

export async function buildTestApp(t: Teardown, dataDir = 'data'): Promise<FastifyInstance> {
  const database = await freshDatabase(t);
  await importDataDir(database.db, dataDir);
  const app = await buildApp({ config: { logLevel: 'silent' }, database, logger: false });
  t.teardown(() => app.close());
  return app;
}
