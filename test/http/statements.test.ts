// Statements per request, pinned for every data operation (a counting wrapper around the driver), as the openstates
// API tests do: a change that adds a round trip to an answer shows here. Uncached answers (no response cache), the
// revision already known (a long revision cache), after one warm-up request per URL. The same on PostgreSQL: there
// each statement reads the dataset revision itself (queryRows), so no statement is added per request.
import t from 'tap';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t, 'data', { responseCacheMb: 0, revisionTtlMs: 3_600_000 });

// URL -> statements, on PGlite and PostgreSQL (issue 13: at most two per answer).
const PINNED: Record<string, number> = {
  '/v1/meta': 1,
  '/v1/countries': 1,
  '/v1/countries/KG': 1,
  '/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01': 2,
  '/v1/countries/KG/consequences?force=wagner-group&conduct=recruitment&date=2024-06-01': 2,
  '/v1/compare?conduct=armed-conflict-participation&date=2024-06-01': 2,
  '/v1/compare.csv?force=wagner-group&date=2024-06-01': 2,
  '/v1/instruments?country=KZ': 1,
  '/v1/instruments/kz-cc-2014': 1,
  '/v1/provisions?country=KG': 1,
  '/v1/provisions?conduct=recruitment&instrument=kg-cc-2021&date=2024-06-01&count=true': 1,
  '/v1/provisions/kg-cc-2021-art-416': 1,
  '/v1/provisions/kg-cc-2021-art-416/versions': 1,
  '/v1/provisions/kg-cc-2021-art-416/lineage': 1,
  '/v1/resolve?cite=Art.%20416(2)%20CC%20KG': 1,
  '/v1/conducts': 1,
  '/v1/conducts/recruitment': 1,
  '/v1/forces': 1,
  '/v1/forces/wagner-group': 1,
  '/v1/cases?country=UZ&limit=20': 1,
  '/v1/cases?provision=416&country=KG&conduct=armed-conflict-participation&count=true&limit=2': 1,
  '/v1/cases/kg-2023-naryn-borugul-uulu': 1,
  '/v1/stats/cases?groupBy=country,year': 1,
  '/v1/stats/cases?groupBy=provision,sentenceKind&provision=416&country=KG&conduct=armed-conflict-participation': 1,
  '/v1/search?q=Wagner': 1,
  '/v1/changes?limit=20': 1,
  '/v1/practice?country=TJ': 1,
  '/v1/practice/tj-statistics-returnees-exempted': 1,
  '/v1/practice?count=true&limit=2': 1,
  '/v1/sources?limit=20': 1,
  '/v1/sources?count=true&limit=5': 1,
  '/v1/sources/kloop-2021-12-10-new-code-cases-closed': 1,
};

t.test('statements per request, for every data operation', async (t) => {
  const measured: Record<string, number> = {};
  for (const url of Object.keys(PINNED)) {
    t.equal((await app.inject(url)).statusCode, 200, url);
    const before = app.database.statements();
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    measured[url] = app.database.statements() - before;
  }
  t.same(measured, PINNED);
});

t.test('a conditional request that matches costs no statement', async (t) => {
  const url = '/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01';
  const etag = (await app.inject(url)).headers.etag as string;
  const before = app.database.statements();
  const res = await app.inject({ url, headers: { 'if-none-match': etag } });
  t.equal(res.statusCode, 304);
  t.equal(app.database.statements() - before, 0);
});
