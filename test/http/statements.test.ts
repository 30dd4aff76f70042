// Statements per request, pinned for every data operation of openapi.yaml (a counting wrapper around the driver), as
// the openstates API tests do: a change that adds a round trip to an answer shows here. On the fixture dataset
// (test/fixtures/dataset.ts): the count of statements does not depend on the size of the data. Uncached answers (no
// response cache), the revision already known (a long revision cache), after one warm-up request per URL. The same on
// PostgreSQL: there each statement reads the dataset revision itself (queryRows), so no statement is added per request.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { parse } from 'yaml';
import { fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp } from '../helper.js';

const dir = await fixtureDataset(t);
const app = await buildTestApp(t, dir, { responseCacheMb: 0, revisionTtlMs: 3_600_000 });

// URL -> statements, on PGlite and PostgreSQL (issue 13: at most two per answer; one, with the JSON built in SQL,
// except the consequences and the comparison, which read the law and then the precedents). The ids are the fixture's.
const PINNED: Record<string, number> = {
  '/v1/meta': 1,
  '/v1/countries': 1,
  '/v1/countries.csv': 1,
  '/v1/countries/KG': 1,
  '/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01': 2,
  '/v1/countries/UZ/consequences?force=fixture-legion&date=2024-06-01': 2,
  '/v1/compare?conduct=armed-conflict-participation&date=2024-06-01': 2,
  '/v1/compare.csv?force=fixture-legion&date=2024-06-01': 2,
  '/v1/instruments?country=KG': 1,
  '/v1/instruments.csv?country=UZ': 1,
  '/v1/instruments/kg-cc-2020': 1,
  '/v1/provisions?country=KG': 1,
  '/v1/provisions?conduct=recruitment&instrument=kg-cc-2020&date=2024-06-01&count=true': 1,
  '/v1/provisions.csv?country=UZ': 1,
  '/v1/provisions/kg-cc-2020-art-101': 1,
  '/v1/provisions/kg-cc-2020-art-100/versions': 1,
  '/v1/provisions/kg-cc-2020-art-100/lineage': 1,
  '/v1/resolve?cite=Art.%20100(1)%20CC%20KG': 1,
  '/v1/conducts': 1,
  '/v1/conducts.csv': 1,
  '/v1/conducts/recruitment': 1,
  '/v1/forces': 1,
  '/v1/forces.csv': 1,
  '/v1/forces/fixture-legion': 1,
  '/v1/cases?country=KG&limit=20': 1,
  '/v1/cases?provision=100&country=KG&conduct=armed-conflict-participation&count=true&limit=1': 1,
  '/v1/cases.csv?country=KG&table=charges': 1,
  '/v1/cases/kg-2023-osh-bb': 1,
  '/v1/stats/cases?groupBy=country,year': 1,
  '/v1/stats/cases?groupBy=provision,sentenceKind&provision=100&country=KG&conduct=armed-conflict-participation': 1,
  '/v1/stats/cases.csv?groupBy=outcome': 1,
  '/v1/search?q=Mercenarism': 1,
  '/v1/search.csv?q=Fixture%20Legion': 1,
  '/v1/changes?limit=20': 1,
  '/v1/changes.csv?limit=20': 1,
  '/v1/export': 1,
  '/v1/export/cases.ndjson': 1,
  '/v1/practice?country=UZ': 1,
  '/v1/practice?count=true&limit=1': 1,
  '/v1/practice.csv': 1,
  '/v1/practice/kg-practice-convictions': 1,
  '/v1/sources?limit=20': 1,
  '/v1/sources?count=true&limit=2': 1,
  '/v1/sources.csv': 1,
  '/v1/sources/fixture-ngo-report': 1,
};

t.test('the pinned URLs cover every data operation of openapi.yaml', async (t) => {
  const doc = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
  const operations = Object.keys(doc.paths as Record<string, unknown>).filter((p) => p.startsWith('/v1/'));
  const matches = (template: string, url: string) =>
    new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`).test(url);
  const uncovered = operations.filter((op) => !Object.keys(PINNED).some((url) => matches(op, url)));
  t.strictSame(uncovered, [], 'every /v1 operation has a pinned URL');
});

t.test('statements per request, for every data operation', async (t) => {
  const measured: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  for (const url of Object.keys(PINNED)) {
    await app.inject(url);
    const before = app.database.statements();
    const res = await app.inject(url);
    statuses[url] = res.statusCode;
    measured[url] = app.database.statements() - before;
  }
  t.strictSame(statuses, Object.fromEntries(Object.keys(PINNED).map((url) => [url, 200])), 'every URL answers 200');
  t.strictSame(measured, PINNED);
});

t.test('a conditional request that matches costs no statement', async (t) => {
  const url = '/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01';
  const etag = (await app.inject(url)).headers.etag as string;
  const before = app.database.statements();
  const res = await app.inject({ url, headers: { 'if-none-match': etag } });
  t.equal(res.statusCode, 304);
  t.equal(res.body, '');
  t.equal(app.database.statements() - before, 0);
});
