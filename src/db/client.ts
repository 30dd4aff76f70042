// openDatabase: a pg Pool or an embedded PGlite behind one drizzle type; the only module that knows which.
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The dataset revision one statement read, in the statement itself (so in its own snapshot); seq null: none yet. */
export interface StatementRevision {
  seq: number | null;
  revision: string;
  importedAt: string;
}

/** The reads of one request (PostgreSQL): how many statements it sent, and the revision each raw statement read. */
export interface ReadSession {
  statements: number;
  revisions: StatementRevision[];
}

/** Where a request's read handle (see pinned) keeps its session. */
const SESSION = Symbol('read session');

/** The read session a handle belongs to: set on the handles pinned() gives on PostgreSQL, absent elsewhere. */
function sessionOf(db: Db): ReadSession | undefined {
  return (db as unknown as { [SESSION]?: ReadSession })[SESSION];
}

/**
 * The handle of one request's reads: `one`, carrying the request's session. Statements sent through queryRows are
 * counted and their revisions recorded there. Any other use of the handle (drizzle's query builder, execute) is
 * counted as a statement that read no revision, so that app.ts refuses the answer (503) instead of labelling rows it
 * cannot tie to a revision: request code must send its statements through queryRows.
 *
 * No AsyncLocalStorage: on Node 20 one active store turns on promise hooks for every promise of the process, which
 * cost about 7 to 12 microseconds of a cached answer's 40 to 60 (measured with fastify's inject, a bare route with
 * eight hooks); the handle is passed explicitly instead (request.db, see app.ts).
 */
function boundTo(one: Db, session: ReadSession): Db {
  return new Proxy(one, {
    get(target, prop) {
      if (prop === SESSION) return session;
      if (prop !== '_') session.statements += 1;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface Database {
  /** Reads outside a request's pinned handle: the read pool (replicas when DATABASE_READ_URL is set). A data route
   * reads through the handle pinned() gives it instead (request.db, see app.ts). */
  readonly db: Db;
  /** Writes (migrations, imports): always the primary. */
  readonly writeDb: Db;
  readonly driver: 'pg' | 'pglite';
  /** True when reads go to a replica pool of their own. */
  readonly replicated: boolean;
  /** Runs fn with a handle whose every read goes to one pool (one replica): the revision an answer states and the
   * data it reads come from one server. On PostgreSQL every statement queryRows sends through that handle also reads
   * the dataset revision, recorded in the session with the number of statements sent, so that app.ts
   * (registerSnapshots) labels the answer with the revision its own statements read, or refuses it when they read
   * different ones. */
  pinned<T>(fn: (db: Db, session: ReadSession) => Promise<T>): Promise<T>;
  /** SQL statements sent since the database was opened (transaction control included): what tests pin per request. */
  statements(): number;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Read replicas (comma-separated URLs); reads are spread over them, writes go to databaseUrl. */
  readUrl?: string | undefined;
  pgliteDir?: string | undefined;
  /** An embedded database to start from (a dump of PGlite's data directory, as dumpPglite() makes): the tests load a
   * migrated and imported dataset this way instead of importing it again in every file. With pgliteDir, the dump is
   * written into that folder, which must be new or empty. */
  pgliteLoad?: Blob | undefined;
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
  let sent = 0;
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const poolOf = (connectionString: string) => {
      const pool = new pg.Pool({
        connectionString,
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
      // Every statement goes through some client's query(): count them there.
      pool.on('connect', (client) => {
        const query = client.query.bind(client) as (...a: unknown[]) => unknown;
        (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
          sent += 1;
          return query(...a);
        };
      });
      return pool;
    };
    const primary = poolOf(opts.databaseUrl);
    const replicas = (opts.readUrl ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean)
      .map(poolOf);
    const readPools = replicas.length ? replicas : [primary];
    let next = 0;
    const writeDb = drizzle(primary, { schema }) as unknown as Db;
    const readDbs = readPools.map((p) => drizzle(p, { schema }) as unknown as Db);
    const db = routed(() => readDbs[next % readDbs.length]!);
    return {
      db,
      writeDb,
      driver: 'pg',
      replicated: replicas.length > 0,
      // A request's reads all go to one pool (one replica), in parallel; app.ts checks that no import committed
      // while they ran (the revision sequence before and after), so an answer is never torn or mislabelled.
      pinned: (fn) => {
        const one = readDbs[next++ % readDbs.length]!;
        const session: ReadSession = { statements: 0, revisions: [] };
        return fn(boundTo(one, session), session);
      },
      statements: () => sent,
      ping: async () => {
        await Promise.all(readDbs.map((d) => d.execute(sql`select 1`)));
      },
      close: async () => {
        await Promise.all([primary, ...replicas].map((p) => p.end()));
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  // pg_trgm (trigram similarity) for search, as on PostgreSQL; created by migration 0007.
  const extensions = { pg_trgm };
  // shared_buffers 16MB instead of initdb's 128MB: PGlite's buffers live in its WebAssembly memory, which only grows,
  // so a bulk import left 128 MiB of it resident for a dataset of a few MiB (pages outside the buffers are read from
  // its in-memory or local file system, not from a disk).
  const options = { extensions, startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };
  const load = opts.pgliteLoad ? { loadDataDir: opts.pgliteLoad } : {};
  const client = opts.pgliteDir
    ? new PGlite(opts.pgliteDir, { ...options, ...load })
    : new PGlite({ ...options, ...load });
  for (const method of ['query', 'exec'] as const) {
    const original = client[method].bind(client) as (...a: unknown[]) => Promise<never>;
    (client as unknown as Record<string, unknown>)[method] = (...a: unknown[]) => {
      sent += 1;
      return original(...a);
    };
  }
  await client.waitReady;
  if (opts.statementTimeoutMs) await client.exec(`set statement_timeout = ${Math.trunc(opts.statementTimeoutMs)}`);
  await client.exec(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY}`);
  const db = drizzle(client, { schema }) as unknown as Db;
  dumpers.set(db as unknown as object, () => client.dumpDataDir('none'));
  // One in-process connection, and imports that run in this process only: every request already sees one state.
  return {
    db,
    writeDb: db,
    driver: 'pglite',
    replicated: false,
    pinned: (fn) => fn(db, { statements: 0, revisions: [] }),
    statements: () => sent,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

const dumpers = new WeakMap<object, () => Promise<Blob>>();

/** The embedded database's data directory as a tar (for pgliteLoad); undefined on PostgreSQL. */
export function dumpPglite(database: Database): Promise<Blob> | undefined {
  return dumpers.get(database.db as unknown as object)?.();
}

/** A Db whose every property is looked up on the handle `current()` returns at the moment of use. */
function routed(current: () => Db): Db {
  return new Proxy({} as Db, {
    get(_t, prop) {
      const target = current() as unknown as Record<PropertyKey, unknown>;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** How many distinct statement texts are sent as named (prepared) statements; beyond, they are sent unnamed, so that
 * crafted combinations of filters cannot grow the statements each connection keeps without bound. */
const NAMED_MAX = 1000;
const named = new Set<string>();
const dialect = new PgDialect();

/** The name of a statement text: the same text, the same name, so PostgreSQL parses and plans it once per connection
 * (pg's named queries; PGlite ignores the name). */
function nameOf(text: string): string | undefined {
  const name = `q_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
  if (named.has(name)) return name;
  if (named.size >= NAMED_MAX) return undefined;
  named.add(name);
  return name;
}

/** Sends one statement, named by its text (see nameOf), with drizzle's own result handling (dates as written). */
async function run<T>(db: Db, query: SQL): Promise<T[]> {
  const built = dialect.sqlToQuery(query);
  const prepared = db._.session.prepareQuery(built, undefined, nameOf(built.sql), false);
  return ((await prepared.execute()) as unknown as { rows: T[] }).rows;
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. Inside a read session (a request on
 * PostgreSQL) the statement also reads the current dataset revision, which is recorded in the session: the answer's
 * rows and the revision it states come from one snapshot, the statement's own. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const session = sessionOf(db);
  if (!session) return run<T>(db, query);
  session.statements += 1;
  // One row from `one` whatever the query returns, joined (a nested loop, so in the query's order) to its rows;
  // __present tells "no row" from a row of nulls.
  const rows = await run<
    Record<string, unknown> & {
      __present: boolean | null;
      __seq: number | null;
      __revision: string | null;
      __imported_at: string | null;
    }
  >(
    db,
    sql`select q.*, r.seq as __seq, r.revision as __revision,
      r.imported_at as __imported_at
    from (select 1) as one
      left join lateral (select seq, revision, imported_at::text as imported_at from dataset_revisions
        order by seq desc limit 1) r on true
      left join lateral (select true as __present, q0.* from (${query}) q0) q on true`,
  );
  const [first] = rows;
  session.revisions.push({
    seq: first?.__seq ?? null,
    revision: first?.__revision ?? '',
    importedAt: first?.__imported_at ?? '',
  });
  return rows
    .filter((r) => r.__present)
    .map(({ __present: _p, __seq: _s, __revision: _r, __imported_at: _i, ...row }) => row as T);
}
