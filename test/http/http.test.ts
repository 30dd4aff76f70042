// HTTP behaviour shared by every route: meta, health, readiness, 404, 405, 406, HEAD, problem types, docs.
import t from 'tap';
import { coverageOf } from '../../src/data/coverage.js';
import { datasetRevision } from '../../src/data/revision.js';
import { loadDataset } from '../../src/data/load.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');

t.test('meta reports the revision of data/ and its counts', async (t) => {
  const body = (await app.inject('/v1/meta')).json();
  t.equal(body.revision, datasetRevision(ds));
  t.equal(
    body.counts.cases,
    ds.countries.reduce((n, c) => n + c.cases.cases.length, 0),
  );
  t.equal(body.counts.countries, 5);
  t.equal(body.licence.data, 'CC-BY-4.0');
  t.ok(Date.parse(body.importedAt) > 0);
  t.same(body.coverage, coverageOf(ds), 'coverage as npm run data:coverage computes it');
  const kg = body.coverage.countries.find((c: { country: string }) => c.country === 'KG');
  t.equal(kg.cases, ds.countries.find((c) => c.dir === 'kg')!.cases.cases.length);
  t.same(kg.gaps, ds.countries.find((c) => c.dir === 'kg')!.country.gaps);
});

t.test('health and readiness', async (t) => {
  t.same((await app.inject('/health')).json(), { status: 'ok' });
  const ready = (await app.inject('/ready')).json();
  t.equal(ready.status, 'ready');
  t.equal(ready.revision, datasetRevision(ds));
  t.equal(ready.database, process.env.DATABASE_URL ? 'pg' : 'pglite');
});

t.test('unknown path: 404 problem', async (t) => {
  const res = await app.inject('/v1/nothing');
  t.equal(res.statusCode, 404);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.equal(res.json().type, '/problems/not-found');
});

t.test('wrong method: 405 with Allow', async (t) => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
    const res = await app.inject({
      method,
      url: '/v1/cases/kg-2024-osh-unnamed',
      payload: method === 'DELETE' ? undefined : {},
    });
    t.equal(res.statusCode, 405, method);
    t.equal(res.headers.allow, 'GET, HEAD');
    t.equal(res.json().type, '/problems/method-not-allowed');
  }
});

t.test('405 or 404 is what the router itself routes: every path kind, the method list from the routes', async (t) => {
  const cases: [string, number, string | undefined][] = [
    ['/v1/countries/KG/consequences', 405, 'GET, HEAD'],
    ['/v1/cases.csv', 405, 'GET, HEAD'],
    ['/ru/', 405, 'GET, HEAD'],
    ['/v1/cases/kg-2024-osh-unnamed/', 405, 'GET, HEAD'],
    ['/v1/no-such-thing', 404, undefined],
    ['/v1/cases/a/b/c', 404, undefined],
  ];
  const got = [];
  for (const [url] of cases) {
    const res = await app.inject({ method: 'POST', url, payload: {} });
    got.push([url, res.statusCode, res.headers.allow]);
  }
  t.same(got, cases);
});

t.test('Accept without JSON: 406; with */* or JSON: 200', async (t) => {
  const no = await app.inject({ url: '/v1/countries', headers: { accept: 'text/html' } });
  t.equal(no.statusCode, 406);
  t.equal(no.json().type, '/problems/not-acceptable');
  for (const accept of ['*/*', 'application/json', 'application/*', 'text/html, application/json;q=0.5']) {
    t.equal((await app.inject({ url: '/v1/countries', headers: { accept } })).statusCode, 200, accept);
  }
  t.equal((await app.inject({ url: '/v1/countries', headers: { accept: 'application/json;q=0' } })).statusCode, 406);
});

t.test('HEAD answers like GET without a body', async (t) => {
  const res = await app.inject({ method: 'HEAD', url: '/v1/countries' });
  t.equal(res.statusCode, 200);
  t.equal(res.body, '');
});

t.test('problem types are described', async (t) => {
  const res = await app.inject('/problems/invalid-parameter');
  t.equal(res.json().status, 400);
  t.equal((await app.inject('/problems/nonsense')).statusCode, 404);
  t.equal((await app.inject('/problems/constructor')).statusCode, 404);
});

t.test('OpenAPI and docs are served', async (t) => {
  const json = (await app.inject('/openapi.json')).json();
  t.equal(json.openapi, '3.1.0');
  t.ok(json.paths['/v1/cases'].get, 'cases documented');
  t.equal(json.paths['/v1/cases'].get.operationId, 'listCases');
  t.ok(json.components.schemas.Case, 'Case component');
  t.ok(json.components.schemas.Problem, 'Problem component');
  const yaml = await app.inject('/openapi.yaml');
  t.match(yaml.headers['content-type'], /yaml/);
  t.match(yaml.body, /openapi: 3\.1\.0/);
  const docs = await app.inject('/docs/');
  t.equal(docs.statusCode, 200);
  t.match(docs.body, /swagger/i);
});
