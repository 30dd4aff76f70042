// openDatabase: a pg Pool or an embedded PGlite behind one drizzle type; the only module that knows which.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly driver: 'pg' | 'pglite';
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  pgliteDir?: string | undefined;
  poolMax?: number;
  /** Cancel any statement running longer than this (ms); 0 or absent: no limit. */
  statementTimeoutMs?: number;
  /** How long a request may wait for a pooled connection before failing (ms). */
  connectionTimeoutMs?: number;
}

/** The trigram word similarity above which a folded query word matches (`<%`): 0.5 lets one wrong vowel of an
 * eight-letter name through (Kushtepa / Qo'shtepa), where pg_trgm's default of 0.6 does not. */
const WORD_SIMILARITY = 0.5;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolMax ?? 10,
      // A bounded wait for a connection: when the pool is exhausted, requests fail (503) instead of queueing forever.
      connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      ...(opts.statementTimeoutMs
        ? {
            statement_timeout: opts.statementTimeoutMs,
            // The server cancels a slow statement; this client-side bound also ends a wait for a server that no
            // longer answers at all (a network partition), which no server-side timeout can.
            query_timeout: opts.statementTimeoutMs + 1_000,
          }
        : {}),
      // TCP keepalive notices a silently dead connection instead of waiting on it for minutes.
      keepAlive: true,
      keepAliveInitialDelayMillis: 5_000,
      options: `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY}`,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzle(pool, { schema }) as unknown as Db;
    return {
      db,
      driver: 'pg',
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  // pg_trgm (trigram similarity) for search, as on PostgreSQL; created by migration 0007.
  const extensions = { pg_trgm };
  const client = opts.pgliteDir ? new PGlite(opts.pgliteDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  if (opts.statementTimeoutMs) await client.exec(`set statement_timeout = ${Math.trunc(opts.statementTimeoutMs)}`);
  await client.exec(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY}`);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
