// HTTP behaviour shared by every route: meta, health, readiness, 404, 405, 406, HEAD, problem types, docs. On the
// fixture dataset (test/fixtures/dataset.ts): the meta counts and coverage are written from the fixture's records.
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { API_VERSION } from '../../src/http/openapi.js';
import { DISCLAIMER } from '../../src/routes/meta.js';
import { fixtureData, fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp } from '../helper.js';

const dir = await fixtureDataset(t);
const app = await buildTestApp(t, dir);
const revision = datasetRevision(await loadDataset(dir));
const f = fixtureData();
const problem = (status: number, type: string, title: string, detail: string, instance: string) => ({
  type,
  title,
  status,
  detail,
  instance,
});

t.test('meta reports the revision of the fixture, its counts and coverage', async (t) => {
  const body = (await app.inject('/v1/meta')).json();
  t.ok(Date.parse(body.importedAt) > 0, 'importedAt is a timestamp');
  t.strictSame(body, {
    revision,
    importedAt: body.importedAt,
    counts: {
      countries: 2, // KG, UZ
      gaps: 2, // one per country
      instruments: 5, // kg-cc-2020, kg-law-2022-amendment, kg-amnesty-2023, uz-cc-1995, uz-law-2021-amendment
      provisions: 5, // kg art. 30, 100, 101; uz art. 154, 155
      provisionVersions: 7, // art. 30: none, 100: two, 101: one, 154: two, 155: two
      conducts: 4,
      forces: 1, // fixture-legion
      cases: 3, // kg-2024-bishkek-aa, kg-2023-osh-bb, uz-2022-tashkent-cc
      practiceNotes: 2, // kg-practice-convictions, uz-practice-warning
      sources: 6, // five shared, fixture-court-kg
    },
    coverage: {
      countries: [
        {
          country: 'KG',
          provisions: 3,
          provisionsFromOfficialText: 2, // art. 100 and 101; art. 30 has no version
          cases: 2,
          casesByBasis: { 'official-text': 1, reported: 1 },
          casesWithSentence: 2,
          practiceNotes: 1,
          amnestyActs: 1,
          gaps: f.kg.country.gaps,
        },
        {
          country: 'UZ',
          provisions: 2,
          provisionsFromOfficialText: 2, // the versions in force of art. 154 and 155
          cases: 1,
          casesByBasis: { reported: 1 },
          casesWithSentence: 0, // C.C.'s outcome was not reported
          practiceNotes: 1,
          amnestyActs: 0,
          gaps: f.uz.country.gaps,
        },
      ],
      sourcesByKind: { 'official-text': 2, 'government-statement': 1, media: 1, ngo: 1, 'court-record': 1 },
    },
    licence: { code: 'MIT', data: 'CC-BY-4.0' },
    apiVersion: API_VERSION,
    disclaimer: DISCLAIMER,
  });
});

t.test('health and readiness', async (t) => {
  t.strictSame((await app.inject('/health')).json(), { status: 'ok' });
  t.strictSame((await app.inject('/ready')).json(), {
    status: 'ready',
    database: process.env.DATABASE_URL ? 'pg' : 'pglite',
    revision,
  });
});

t.test('unknown path: 404 problem', async (t) => {
  const res = await app.inject('/v1/nothing');
  t.equal(res.statusCode, 404);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.strictSame(res.json(), problem(404, '/problems/not-found', 'Not found', 'no route GET /v1/nothing', '/v1/nothing'));
});

t.test('wrong method: 405 with Allow', async (t) => {
  const url = '/v1/cases/kg-2024-bishkek-aa';
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
    const res = await app.inject({ method, url, payload: method === 'DELETE' ? undefined : {} });
    t.equal(res.statusCode, 405, method);
    t.equal(res.headers.allow, 'GET, HEAD');
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const body = res.json();
    t.strictSame(
      { ...body, detail: typeof body.detail },
      {
        type: '/problems/method-not-allowed',
        title: 'Method not allowed',
        status: 405,
        detail: 'string',
        instance: url,
      },
      method,
    );
    t.match(body.detail, method, `${method}: the detail names the method`);
  }
});

t.test('405 or 404 is what the router itself routes: every path kind, the method list from the routes', async (t) => {
  const cases: [string, number, string | undefined][] = [
    ['/v1/countries/KG/consequences', 405, 'GET, HEAD'],
    ['/v1/cases.csv', 405, 'GET, HEAD'],
    ['/ru/', 405, 'GET, HEAD'],
    ['/v1/cases/kg-2024-bishkek-aa/', 405, 'GET, HEAD'],
    ['/v1/no-such-thing', 404, undefined],
    ['/v1/cases/a/b/c', 404, undefined],
  ];
  const got = [];
  for (const [url] of cases) {
    const res = await app.inject({ method: 'POST', url, payload: {} });
    got.push([url, res.statusCode, res.headers.allow]);
  }
  t.strictSame(got, cases);
});

t.test('Accept without JSON: 406; with */* or JSON: 200', async (t) => {
  const no = await app.inject({ url: '/v1/countries', headers: { accept: 'text/html' } });
  t.equal(no.statusCode, 406);
  t.equal(no.json().type, '/problems/not-acceptable');
  t.equal(no.json().status, 406);
  const statuses = [];
  for (const accept of ['*/*', 'application/json', 'application/*', 'text/html, application/json;q=0.5'])
    statuses.push((await app.inject({ url: '/v1/countries', headers: { accept } })).statusCode);
  t.strictSame(statuses, [200, 200, 200, 200]);
  t.equal((await app.inject({ url: '/v1/countries', headers: { accept: 'application/json;q=0' } })).statusCode, 406);
});

t.test('HEAD answers like GET without a body', async (t) => {
  const get = await app.inject('/v1/countries');
  const res = await app.inject({ method: 'HEAD', url: '/v1/countries' });
  t.equal(res.statusCode, 200);
  t.equal(res.body, '');
  t.equal(res.headers.etag, get.headers.etag);
  t.equal(res.headers['content-type'], get.headers['content-type']);
  t.strictSame(
    get.json().data.map((c: { code: string }) => c.code),
    [f.kg.country.country.code, f.uz.country.country.code],
  );
});

t.test('problem types are described', async (t) => {
  const res = await app.inject('/problems/invalid-parameter');
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.strictSame(
    { ...body, description: typeof body.description },
    { type: '/problems/invalid-parameter', status: 400, title: 'Invalid parameter', description: 'string' },
  );
  t.strictSame(
    (await app.inject('/problems/nonsense')).json(),
    problem(404, '/problems/not-found', 'Not found', 'no problem type has the id nonsense', '/problems/nonsense'),
  );
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
