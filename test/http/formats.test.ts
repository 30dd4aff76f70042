// CSV (its own operations, tables, aligned cells, BOM), field selection, totals, conditional requests, compression
// and CORS.
import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { parseCsv } from '../csv.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));

t.test('cases as CSV parse back to the JSON records, list cells aligned item by item', async (t) => {
  const json = (await app.inject('/v1/cases?country=UZ&limit=200')).json().data;
  const res = await app.inject('/v1/cases.csv?country=UZ&limit=200');
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/csv/);
  t.notOk(res.body.startsWith('\uFEFF'), 'no BOM unless asked');
  const rows = parseCsv(res.body);
  t.equal(rows.length, json.length);
  t.equal(rows.length, allCases.filter((c) => c.country === 'UZ').length);
  const cell = (list: { years: number | null }[]) => list.map((s) => (s.years === null ? '' : String(s.years)));
  rows.forEach((row, i) => {
    const k = json[i];
    t.equal(row.id, k.id);
    t.equal(row['decided.date'], k.decided.date);
    t.equal(row['court.place'], k.court.place ?? '');
    t.equal(row.outcome, k.outcome ?? '', 'a null outcome is an empty cell');
    t.equal(row['sentences.years'], cell(k.sentences).join(' | '), 'a null keeps its place');
    t.equal(row['sentences.kind']!.split(' | ').length, Math.max(1, k.sentences.length));
    t.equal(row['sources.id'], k.sources.map((s: { id: string }) => s.id).join(' | '));
    t.equal(
      row['charges.provision.id'],
      k.charges.map((c: { provision: { id: string } }) => c.provision.id).join(' | '),
    );
    t.equal(row.summary, k.summary, 'quotes, commas and newlines survive');
  });
});

t.test('a null inside a list keeps its column aligned (penalty minimums stay on their penalty)', async (t) => {
  const { valuesAt } = await import('../../src/http/csv.js');
  const record = {
    penalties: [
      { min: null, max: 3 },
      { min: 5, max: 8 },
    ],
  };
  t.same(valuesAt(record, ['penalties', 'min']), ['', '5']);
  t.same(valuesAt(record, ['penalties', 'max']), ['3', '8']);
});

t.test('format=csv and Accept: text/csv are the .csv operation; format=json the list', async (t) => {
  const direct = await app.inject('/v1/countries.csv');
  t.same(
    parseCsv(direct.body).map((r) => r.code),
    ['KG', 'KZ', 'TJ', 'TM', 'UZ'],
  );
  const byFormat = await app.inject('/v1/countries?format=csv');
  t.equal(byFormat.body, direct.body);
  const byAccept = await app.inject({ url: '/v1/countries', headers: { accept: 'text/csv' } });
  t.match(byAccept.headers['content-type'], /^text\/csv/);
  t.equal(byAccept.body, direct.body);
  const json = await app.inject({ url: '/v1/countries', headers: { accept: 'text/csv;q=0.5, application/json' } });
  t.match(json.headers['content-type'], /^application\/json/);
  t.equal((await app.inject('/v1/countries?format=json')).json().data.length, 5);
  const bad = await app.inject('/v1/countries?format=xml');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'format');
  const detail = await app.inject({ url: '/v1/countries/KG', headers: { accept: 'text/csv' } });
  t.equal(detail.statusCode, 406, 'single records have no CSV form');
  const jsonOnly = await app.inject({ url: '/v1/countries.csv', headers: { accept: 'application/json' } });
  t.equal(jsonOnly.statusCode, 406, 'the CSV operation is CSV only');
});

t.test('a list as its own table: one row per item, keyed by the parent', async (t) => {
  const json = (await app.inject('/v1/cases?country=KG&limit=200')).json().data;
  const rows = parseCsv((await app.inject('/v1/cases.csv?country=KG&limit=200&table=charges')).body);
  const expected = json.flatMap(
    (k: { id: string; charges: { id: string; part: string | null; provision: { id: string } }[] }) =>
      k.charges.map((c, i) => ({
        caseId: k.id,
        chargesIndex: String(i),
        id: c.id,
        part: c.part ?? '',
        p: c.provision.id,
      })),
  );
  t.ok(expected.length > 0);
  t.same(
    rows.map((r) => ({ caseId: r.caseId, chargesIndex: r.chargesIndex, id: r.id, part: r.part, p: r['provision.id'] })),
    expected,
  );
  const sentences = parseCsv((await app.inject('/v1/cases.csv?country=KG&limit=200&table=sentences')).body);
  t.equal(
    sentences.length,
    json.reduce((n: number, k: { sentences: unknown[] }) => n + k.sentences.length, 0),
  );
  // A list inside a list: each row has the index of its item at both levels.
  const notes = (await app.inject('/v1/practice?limit=200')).json().data;
  const nested = parseCsv((await app.inject('/v1/practice.csv?limit=200&table=statistics.sources')).body);
  const want = notes.flatMap((n: { id: string; statistics: { sources: { id: string }[] }[] }) =>
    n.statistics.flatMap((s, i) => s.sources.map((src, j) => [n.id, String(i), String(j), src.id])),
  );
  t.ok(want.length > 0);
  t.same(
    nested.map((r) => [r.practiceNoteId, r.statisticsIndex, r.sourcesIndex, r.id]),
    want,
  );
  const bad = await app.inject('/v1/cases.csv?table=shoes');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'table');
});

t.test('bom=true starts the file with a byte order mark for Excel', async (t) => {
  const res = await app.inject('/v1/countries.csv?bom=true');
  t.ok(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  t.same(
    parseCsv(res.body).map((r) => r.code),
    ['KG', 'KZ', 'TJ', 'TM', 'UZ'],
  );
  t.equal((await app.inject('/v1/countries.csv?bom=yes')).json().errors[0].name, 'bom');
});

t.test('an empty page as CSV still has its header row', async (t) => {
  const res = await app.inject('/v1/cases.csv?decidedTo=1990');
  const [header, ...rest] = res.body.trim().split('\r\n');
  t.same(rest, []);
  t.match(header, /^id,country,court\.name,/);
});

t.test('fields selects top-level fields, in JSON and CSV', async (t) => {
  const json = (await app.inject('/v1/cases?fields=id,outcome&limit=3')).json();
  t.same(Object.keys(json.data[0]).sort(), ['id', 'outcome']);
  t.equal(json.page.limit, 3);
  const csv = parseCsv((await app.inject('/v1/cases.csv?fields=id,decided&limit=3')).body);
  t.same(Object.keys(csv[0]!), [
    'id',
    'decided.date',
    'decided.precision',
    'decided.kind',
    'decided.note',
    'decided.reported',
    'decided.sentenceStart',
  ]);
  for (const url of ['/v1/cases?fields=id,shoeSize', '/v1/cases.csv?fields=id,shoeSize', '/v1/cases?fields=id;x']) {
    const bad = await app.inject(url);
    t.equal(bad.statusCode, 400, url);
    t.equal(bad.json().errors[0].name, 'fields');
  }
});

t.test('count=true reports the total of matching records', async (t) => {
  const res = await app.inject('/v1/cases?country=TJ&limit=2&count=true');
  const total = allCases.filter((c) => c.country === 'TJ').length;
  t.equal(res.json().page.total, total);
  t.equal(res.headers['x-total-count'], String(total));
  t.equal(res.json().data.length, 2);
  t.equal((await app.inject('/v1/cases?limit=2')).json().page.total, undefined, 'no count unless asked');
  const bad = await app.inject('/v1/cases?count=yes');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'count');
  t.equal((await app.inject('/v1/cases?limit=2&count=false')).json().page.total, undefined);
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

t.test('two Accept headers that choose the same representation share one ETag (and one cache entry)', async (t) => {
  const url = '/v1/cases?country=KG&limit=2';
  const a = await app.inject({ url, headers: { accept: 'application/json' } });
  const b = await app.inject({ url, headers: { accept: 'application/json, text/plain;q=0.5, */*;q=0.1' } });
  const c = await app.inject({ url, headers: { accept: 'text/csv' } });
  t.equal(a.statusCode, 200);
  t.equal(a.headers.etag, b.headers.etag, 'JSON either way: one ETag');
  t.not(a.headers.etag, c.headers.etag, 'CSV is another representation');
  t.equal(a.body, b.body);
});

t.test(
  'ETags come from the content: a second import of the same data (a restart, another instance) gives the same',
  async (t) => {
    const other = await buildTestApp(t, 'data', {}, { freshImport: true });
    for (const url of ['/v1/cases?country=KG&limit=2', '/v1/countries/KG', '/v1/search?q=Wagner']) {
      const [a, b] = await Promise.all([app.inject(url), other.inject(url)]);
      t.equal(a.statusCode, 200, url);
      t.equal(a.headers.etag, b.headers.etag, `${url}: one ETag for one revision`);
      t.not(a.headers['last-modified'], undefined);
    }
    // The change feed depends on the import history, so its tag does not carry across imports.
    const [c, d] = await Promise.all([app.inject('/v1/changes?limit=2'), other.inject('/v1/changes?limit=2')]);
    t.not(c.headers.etag, d.headers.etag, 'the change feed: one tag per import history');
  },
);
