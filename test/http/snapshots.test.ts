// Imports by another process while the app answers (PostgreSQL): no answer is torn (a count from one dataset, a list
// from the other) or labelled with a revision it was not computed from. A one-statement answer (the case list with
// its total) is consistent by its statement's snapshot and labelled with the revision that statement read; an answer
// of several statements between which an import committed is a 503 with Retry-After (the client retries). The
// importer alternates two revisions of the fixture that differ by one Kyrgyz ruling (test/fixtures/two.ts).
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/client.js';
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
      for (let i = 0; i < 16; i++) await importDataDir(importer.writeDb, i % 2 === 0 ? other : base);
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
