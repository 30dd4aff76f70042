// Many instances on one PostgreSQL: an instance reading from a streaming replica answers exactly as one reading the
// primary (bodies, ETags, revision), a lagging replica's answers stay consistent (never a newer revision than their
// data), and rate limits hold for a client across instances through Redis. Needs DATABASE_URL and REPLICA_URL
// (.ci/run starts a replica on 5433) and Redis (REDIS_URL, default redis://127.0.0.1:6379); skipped without them
// outside CI.
import pg from 'pg';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { importDataDir } from '../../src/data/import.js';
import { checkEveryResponse, freshDatabaseUrl } from '../helper.js';
import { twoFixtures } from '../fixtures/two.js';

const primaryUrl = process.env.DATABASE_URL;
const replicaServer = process.env.REPLICA_URL;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The revision is remembered for 200 ms (2 s by default), so that the tests wait a quarter of a second for it.
const REVISION_TTL_MS = 200;
const quiet = {
  logLevel: 'silent' as const,
  maxEventLoopDelayMs: 0,
  responseCacheMb: 0,
  revisionTtlMs: REVISION_TTL_MS,
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function onReplica<T>(url: string, q: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(q)).rows as T[];
  } finally {
    await c.end();
  }
}

if (!primaryUrl) {
  t.comment('replica tests skipped: they need PostgreSQL (DATABASE_URL)');
} else if (!replicaServer) {
  if (process.env.CI) t.fail('CI runs the replica tests on PostgreSQL: .ci/run sets REPLICA_URL');
  else t.comment('replica tests skipped: set REPLICA_URL (bash .ci/replica starts one and prints it)');
} else {
  const dbUrl = await freshDatabaseUrl(t, primaryUrl);
  const replicaUrl = new URL(replicaServer);
  replicaUrl.pathname = new URL(dbUrl).pathname;
  // Two revisions of the fixture: the second has one Kyrgyz ruling fewer.
  const { base, other, revisions } = await twoFixtures(t);
  const [[revA, countA], [revB, countB]] = [...revisions] as [[string, number], [string, number]];

  const importer = await openDatabase({ databaseUrl: dbUrl, poolMax: 2 });
  await migrateDatabase(importer);
  await importDataDir(importer.writeDb, base);
  const untilReplicaHas = async (revision: string) => {
    for (let i = 0; i < 300; i++) {
      const rows = await onReplica<{ revision: string }>(
        replicaUrl.toString(),
        'select revision from dataset_revisions order by seq desc limit 1',
      ).catch(() => []);
      if (rows[0]?.revision === revision) return;
      await sleep(100);
    }
    throw new Error(`the replica never reached revision ${revision}`);
  };
  await untilReplicaHas(revA);

  const onPrimary = await openDatabase({ databaseUrl: dbUrl, poolMax: 4 });
  const viaReplica = await openDatabase({ databaseUrl: dbUrl, readUrl: replicaUrl.toString(), poolMax: 4 });
  const appP = await buildApp({ config: { ...quiet, rateLimitMax: 0 }, database: onPrimary, logger: false });
  const appR = await buildApp({ config: { ...quiet, rateLimitMax: 0 }, database: viaReplica, logger: false });
  checkEveryResponse(appP);
  checkEveryResponse(appR);
  t.teardown(async () => {
    await onReplica(replicaServer, 'select pg_wal_replay_resume()').catch(() => {});
    await Promise.all([appP.close(), appR.close()]);
    await Promise.all([onPrimary.close(), viaReplica.close(), importer.close()]);
  });

  t.test('an instance on the replica answers as one on the primary: bodies, ETags, revision', async (t) => {
    t.equal(viaReplica.replicated, true);
    const urls = [
      '/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01',
      '/v1/cases?country=UZ&limit=20',
      '/v1/search?q=fixture',
      '/v1/compare?conduct=mercenary-participation&date=2024-06-01',
      '/v1/stats/cases?groupBy=country,year',
      '/v1/meta',
    ];
    for (const u of urls) {
      const [p, r] = await Promise.all([appP.inject(u), appR.inject(u)]);
      t.equal(r.statusCode, 200, u);
      t.equal(r.body, p.body, `${u}: the same body`);
      t.equal(r.headers.etag, p.headers.etag, `${u}: the same ETag`);
      t.equal(r.headers['dataset-revision'], revA, u);
    }
  });

  t.test('a lagging replica: its answers stay those of its revision, never newer labels on older data', async (t) => {
    await onReplica(replicaServer, 'select pg_wal_replay_pause()');
    await importDataDir(importer.writeDb, other);
    const u = '/v1/cases?country=KG&count=true&limit=200&fields=id';
    await sleep(REVISION_TTL_MS + 100); // past the revision cache of both instances
    const p = await appP.inject(u);
    t.equal(p.headers['dataset-revision'], revB, 'the primary has the new revision');
    t.equal(p.json().page.total, countB);
    const r = await appR.inject(u);
    t.equal(r.headers['dataset-revision'], revA, 'the paused replica still has the old one');
    t.equal(r.json().page.total, countA, 'and the old data, as its label says');
    t.equal(r.json().data.length, countA);
    await onReplica(replicaServer, 'select pg_wal_replay_resume()');
    await untilReplicaHas(revB);
    await sleep(REVISION_TTL_MS + 100);
    const after = await appR.inject(u);
    t.equal(after.headers['dataset-revision'], revB, 'caught up');
    t.equal(after.json().page.total, countB);
    t.equal(after.headers.etag, (await appP.inject(u)).headers.etag, 'and the same ETag as the primary again');
  });
}

t.test('rate limits hold for a client across instances through Redis', async (t) => {
  const { Redis } = await import('ioredis');
  const probe = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0 });
  probe.on('error', () => {});
  const up = await probe.connect().then(
    () => true,
    () => false,
  );
  probe.disconnect();
  if (!up) {
    if (process.env.CI) t.fail(`CI needs Redis at ${redisUrl}`);
    else t.comment(`skipped: Redis not reachable at ${redisUrl}`);
    return;
  }
  const database = await openDatabase({});
  await migrateDatabase(database);
  t.teardown(() => database.close());
  const limited = { ...quiet, rateLimitMax: 5, rateLimitWindowMs: 60_000, redisUrl };
  const [one, two] = await Promise.all([
    buildApp({ config: limited, database, logger: false }),
    buildApp({ config: limited, database, logger: false }),
  ]);
  t.teardown(() => Promise.all([one.close(), two.close()]));
  // A client address of its own, so that earlier runs sharing the Redis cannot count.
  const remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const statuses: number[] = [];
  for (const app of [one, two, one, two, one, two, one])
    statuses.push((await app.inject({ url: '/v1/conducts', remoteAddress })).statusCode);
  t.same(statuses, [200, 200, 200, 200, 200, 429, 429], 'the 6th and 7th, whichever instance they reach, are refused');
  // Without Redis each instance counts alone: the same seven requests all pass.
  const alone = await Promise.all(
    [0, 1].map(() => buildApp({ config: { ...limited, redisUrl: undefined }, database, logger: false })),
  );
  t.teardown(() => Promise.all(alone.map((a) => a.close())));
  const own: number[] = [];
  for (const i of [0, 1, 0, 1, 0, 1, 0])
    own.push((await alone[i]!.inject({ url: '/v1/conducts', remoteAddress })).statusCode);
  t.same(own, [200, 200, 200, 200, 200, 200, 200], 'per-instance counters let a client through twice the limit');
});
