// CSV, field selection, totals, conditional requests, compression and CORS.
import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { parseCsv } from '../csv.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));

t.test('cases as CSV parse back to the JSON records', async (t) => {
  const json = (await app.inject('/v1/cases?country=UZ&limit=200')).json().data;
  const res = await app.inject('/v1/cases?country=UZ&limit=200&format=csv');
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/csv/);
  const rows = parseCsv(res.body);
  t.equal(rows.length, json.length);
  t.equal(rows.length, allCases.filter((c) => c.country === 'UZ').length);
  rows.forEach((row, i) => {
    const k = json[i];
    t.equal(row.id, k.id);
    t.equal(row['decided.date'], k.decided.date);
    t.equal(row['court.place'], k.court.place ?? '');
    t.equal(row.outcome, k.outcome);
    t.equal(
      row['sentences.years'],
      k.sentences
        .map((s: { years: number | null }) => s.years)
        .filter((y: number | null) => y !== null)
        .join(' | '),
    );
    t.equal(row['sources.id'], k.sources.map((s: { id: string }) => s.id).join(' | '));
    t.equal(row.summary, k.summary, 'quotes, commas and newlines survive');
  });
});

t.test('Accept: text/csv chooses CSV; JSON stays the default', async (t) => {
  const csv = await app.inject({ url: '/v1/countries', headers: { accept: 'text/csv' } });
  t.match(csv.headers['content-type'], /^text\/csv/);
  t.same(
    parseCsv(csv.body).map((r) => r.code),
    ['KG', 'KZ', 'TJ', 'TM', 'UZ'],
  );
  const json = await app.inject({ url: '/v1/countries', headers: { accept: 'text/csv;q=0.5, application/json' } });
  t.match(json.headers['content-type'], /^application\/json/);
  const detail = await app.inject({ url: '/v1/countries/KG', headers: { accept: 'text/csv' } });
  t.equal(detail.statusCode, 406, 'single records have no CSV form');
});

t.test('an empty page as CSV still has its header row', async (t) => {
  const res = await app.inject('/v1/cases?decidedTo=1990&format=csv');
  const [header, ...rest] = res.body.trim().split('\r\n');
  t.same(rest, []);
  t.match(header, /^id,country,court\.name,/);
});

t.test('fields selects top-level fields, in JSON and CSV', async (t) => {
  const json = (await app.inject('/v1/cases?fields=id,outcome&limit=3')).json();
  t.same(Object.keys(json.data[0]).sort(), ['id', 'outcome']);
  const csv = parseCsv((await app.inject('/v1/cases?fields=id,decided&limit=3&format=csv')).body);
  t.same(Object.keys(csv[0]!), [
    'id',
    'decided.date',
    'decided.precision',
    'decided.kind',
    'decided.note',
    'decided.reported',
    'decided.sentenceStart',
  ]);
  const bad = await app.inject('/v1/cases?fields=id,shoeSize');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'fields');
  t.match(bad.json().detail, /shoeSize/);
});

t.test('count=true reports the total of matching records', async (t) => {
  const res = await app.inject('/v1/cases?country=TJ&limit=2&count=true');
  const total = allCases.filter((c) => c.country === 'TJ').length;
  t.equal(res.json().page.total, total);
  t.equal(res.headers['x-total-count'], String(total));
  t.equal(res.json().data.length, 2);
  t.equal((await app.inject('/v1/cases?limit=2')).json().page.total, undefined, 'no count unless asked');
  t.equal((await app.inject('/v1/cases?count=yes')).statusCode, 400);
});

t.test('ETag and Last-Modified from the dataset revision; 304 on a repeated request', async (t) => {
  const revision = datasetRevision(ds);
  const first = await app.inject('/v1/cases?country=KG');
  t.equal(first.statusCode, 200);
  const etag = first.headers.etag as string;
  t.match(etag, new RegExp(`^W/"${revision}-`));
  t.equal(first.headers['dataset-revision'], revision);
  t.ok(first.headers['last-modified']);
  t.match(first.headers['cache-control'], /public, max-age=\d+/);
  const again = await app.inject({ url: '/v1/cases?country=KG', headers: { 'if-none-match': etag } });
  t.equal(again.statusCode, 304);
  t.equal(again.body, '');
  t.equal(again.headers.etag, etag);
  const other = await app.inject({ url: '/v1/cases?country=UZ', headers: { 'if-none-match': etag } });
  t.equal(other.statusCode, 200, 'another URL has another validator');
  const csv = await app.inject({ url: '/v1/cases?country=KG', headers: { 'if-none-match': etag, accept: 'text/csv' } });
  t.equal(csv.statusCode, 200, 'another representation has another validator');
  const health = await app.inject('/health');
  t.equal(health.headers['cache-control'], 'no-store');
  t.equal(health.headers.etag, undefined);
  const problem = await app.inject('/v1/cases/none');
  t.equal(problem.headers['cache-control'], 'no-store');
});

t.test('gzip on request', async (t) => {
  const res = await app.inject({ url: '/v1/cases?limit=50', headers: { 'accept-encoding': 'gzip' } });
  t.equal(res.headers['content-encoding'], 'gzip');
  const body = JSON.parse(gunzipSync(res.rawPayload).toString('utf8'));
  t.equal(body.data.length, Math.min(50, allCases.length));
});

t.test('CORS for browser apps', async (t) => {
  const res = await app.inject({ url: '/v1/countries', headers: { origin: 'https://example.org' } });
  t.equal(res.headers['access-control-allow-origin'], '*');
  t.match(res.headers['access-control-expose-headers'], /ETag/);
  const pre = await app.inject({
    method: 'OPTIONS',
    url: '/v1/cases',
    headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
  });
  t.equal(pre.statusCode, 204);
});
