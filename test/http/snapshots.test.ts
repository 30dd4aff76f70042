// Imports by another process while the app answers (PostgreSQL): no answer is torn (a count from one dataset, a list
// from the other) or labelled with a revision it was not computed from. A one-statement answer (the case list with
// its total) is consistent by its statement's snapshot and labelled with the revision that statement read; an answer
// of several statements between which an import committed is a 503 with Retry-After (the client retries). The
// importer alternates two revisions of the fixture that differ by one Kyrgyz ruling (test/fixtures/two.ts).
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { openDatabase, type ReadSession } from '../../src/db/client.js';
import { cases } from '../../src/db/schema/index.js';
import { fixtureDataset } from '../fixtures/dataset.js';
import { importDataDir } from '../../src/data/import.js';
import { checkEveryResponse, freshDatabaseUrl } from '../helper.js';
import { twoFixtures } from '../fixtures/two.js';

const url = process.env.DATABASE_URL;
if (!url) {
  t.comment('skipped: needs PostgreSQL (DATABASE_URL); PGlite imports only in its own process');
} else {
  const dbUrl = await freshDatabaseUrl(t, url);
  const { base, other, revisions: expected } = await twoFixtures(t);

  // The importer: another pool, as another process would be.
  const importer = await openDatabase({ databaseUrl: dbUrl, poolMax: 2 });
  const { migrateDatabase } = await import('../../src/db/migrate.js');
  await migrateDatabase(importer);
  await importDataDir(importer.writeDb, base);
  const database = await openDatabase({ databaseUrl: dbUrl, poolMax: 8 });
  const app = await buildApp({
    config: { logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0, responseCacheMb: 0 },
    database,
    logger: false,
  });
  checkEveryResponse(app);
  t.teardown(async () => {
    await app.close();
    await database.close();
    await importer.close();
  });

  t.test('no torn or mislabelled answer while another process imports', async (t) => {
    t.equal(expected.size, 2, 'two revisions');
    let importing = true;
    const imports = (async () => {
      // The fixture imports in a fraction of a second: many imports, so that answers straddle some of them.
      for (let i = 0; i < 8; i++) await importDataDir(importer.writeDb, i % 2 === 0 ? other : base);
      importing = false;
    })();
    const seen = new Set<string>();
    let answers = 0;
    let bad = 0;
    let retried = 0;
    // An answer of two statements (the legal record, then the precedents): served only when both read one revision.
    let twoStatement = 0;
    let mislabelled = 0;
    while (importing || answers < 50) {
      const [consequences, ...batch] = await Promise.all([
        app.inject('/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01'),
        ...Array.from({ length: 8 }, () => app.inject('/v1/cases?country=KG&count=true&limit=200&fields=id')),
      ]);
      if (consequences!.statusCode === 200) {
        twoStatement++;
        const revision = String(consequences!.headers['dataset-revision']);
        if (!expected.has(revision) || consequences!.json().datasetRevision !== revision) mislabelled++;
        if (!String(consequences!.headers.etag).includes(revision)) mislabelled++;
      } else t.equal(consequences!.statusCode, 503, 'a two-statement answer straddling an import is a 503');
      for (const res of batch) {
        answers++;
        if (res.statusCode === 503) {
          retried++;
          t.equal(res.headers['retry-after'], '1');
          continue;
        }
        const revision = String(res.headers['dataset-revision']);
        const body = res.json();
        seen.add(revision);
        const want = expected.get(revision);
        if (want === undefined || body.page.total !== want || body.data.length !== want) {
          bad++;
          if (bad < 5)
            t.fail(`revision ${revision}: total ${body.page.total}, ${body.data.length} records, want ${want}`);
        }
      }
    }
    await imports;
    t.equal(bad, 0, `${answers} answers, none torn or mislabelled (${retried} were a 503 to retry)`);
    t.equal(mislabelled, 0, `${twoStatement} answers of two statements, each labelled with the revision it states`);
    t.ok(retried < answers / 2, 'most answers were served');
    t.equal(seen.size, 2, 'both revisions were served during the run');
  });
}

// The same refusal, forced: the second of an answer's two statements is made to report another revision than the
// first (as when an import commits between them), and a statement that reads no revision (a query outside queryRows).
if (url) {
  t.test('an answer whose statements read two revisions, or one that read none, is a 503, never served', async (t) => {
    const base = await fixtureDataset(t);
    const dbUrl = await freshDatabaseUrl(t, url);
    const real = await openDatabase({ databaseUrl: dbUrl, poolMax: 4 });
    t.teardown(() => real.close());
    const { migrateDatabase } = await import('../../src/db/migrate.js');
    await migrateDatabase(real);
    await importDataDir(real.writeDb, base);
    let tamper: ((db: typeof real.db, session: ReadSession) => Promise<void>) | undefined;
    const database: typeof real = {
      ...real,
      pinned: (fn) =>
        real.pinned(async (db, session) => {
          const out = await fn(db, session);
          await tamper?.(db, session);
          return out;
        }),
    };
    const app = await buildApp({
      config: { logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0, responseCacheMb: 0 },
      database,
      logger: false,
    });
    checkEveryResponse(app);
    t.teardown(() => app.close());
    const u = '/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2023-01-01';
    const problem = {
      type: '/problems/service-unavailable',
      title: 'Service unavailable',
      status: 503,
      instance: u,
    };

    const served = await app.inject(u);
    t.equal(served.statusCode, 200, 'untouched: served');

    tamper = async (_db, session) => {
      t.equal(session.revisions.length, 2, 'the answer took two statements');
      session.revisions[1] = { ...session.revisions[1]!, seq: (session.revisions[1]!.seq ?? 0) + 1 };
    };
    const torn = await app.inject(u);
    t.equal(torn.statusCode, 503);
    t.equal(torn.headers['retry-after'], '1');
    t.equal(torn.headers.etag, undefined, 'no ETag on the refusal');
    t.strictSame(torn.json(), {
      ...problem,
      detail: 'a new dataset was imported while this answer was computed; retry',
    });

    // A drizzle query through the request's handle reads no revision: counted, and the answer refused.
    tamper = async (db) => {
      await db.select({ id: cases.id }).from(cases).limit(1);
    };
    const unread = await app.inject(u);
    t.equal(unread.statusCode, 503);
    t.strictSame(unread.json(), {
      ...problem,
      detail: 'this answer could not be tied to one dataset revision; retry',
    });

    tamper = undefined;
    t.equal((await app.inject(u)).statusCode, 200, 'served again');
  });
}
