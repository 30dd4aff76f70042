// CSV (its own operations, tables, aligned cells, BOM), field selection, totals, conditional requests, compression
// and CORS. On the fixture dataset (test/fixtures/dataset.ts), with B.B.'s summary given quotes, a comma and a
// newline: every expected row is written from the fixture's records.
import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { parseCsv } from '../csv.js';
import { fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp } from '../helper.js';

const QUOTED = 'Fixture: B.B. said "I only went to see", then,\nafter a year, came back.';
const dir = await fixtureDataset(t, (d) => {
  d.kg.cases.cases![1]!.summary = QUOTED;
});
const app = await buildTestApp(t, dir);
const ds = await loadDataset(dir);

/** The cases, newest first, as the CSV columns this test reads (a null is an empty cell, a list item per ' | '). */
const CASE_ROWS = [
  {
    id: 'kg-2024-bishkek-aa',
    country: 'KG',
    'decided.date': '2024-03-15',
    'court.name': 'Fixture District Court',
    'court.place': 'Bishkek',
    'defendant.age': '30',
    outcome: 'convicted',
    'sentences.kind': 'imprisonment',
    'sentences.years': '6',
    'sentences.suspended': 'false',
    'charges.provision.id': 'kg-cc-2020-art-100',
    'charges.part': '1',
    'sources.id': 'fixture-court-kg | fixture-news-report',
    'sources.title': 'Fixture court record, Bishkek | Fixture news report',
    summary: 'Fixture: A.A. fought for the Fixture Legion and was sentenced to 6 years.',
  },
  {
    id: 'kg-2023-osh-bb',
    country: 'KG',
    'decided.date': '2023-09',
    'court.name': '',
    'court.place': 'Osh',
    'defendant.age': '',
    outcome: 'convicted',
    'sentences.kind': 'imprisonment',
    'sentences.years': '3',
    'sentences.suspended': 'true',
    'charges.provision.id': 'kg-cc-2020-art-100 | kg-cc-2020-art-30',
    'charges.part': '1 | ', // the part of art. 30 is null: it keeps its place
    'sources.id': 'fixture-ngo-report',
    'sources.title': 'Fixture NGO report',
    summary: QUOTED,
  },
  {
    id: 'uz-2022-tashkent-cc',
    country: 'UZ',
    'decided.date': '2022-11',
    'court.name': '',
    'court.place': 'Tashkent',
    'defendant.age': '',
    outcome: '', // not reported
    'sentences.kind': '', // no sentence: one empty cell
    'sentences.years': '',
    'sentences.suspended': '',
    'charges.provision.id': 'uz-cc-1995-art-154',
    'charges.part': '1',
    'sources.id': 'fixture-news-report',
    'sources.title': 'Fixture news report',
    summary: 'Fixture: C.C. was tried as a mercenary; the outcome was not reported.',
  },
];
const pick = (row: Record<string, string>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));

t.test('cases as CSV: the fixture records, list cells aligned item by item, quotes and newlines kept', async (t) => {
  const res = await app.inject('/v1/cases.csv?limit=200');
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/csv/);
  t.notOk(res.body.startsWith('\uFEFF'), 'no BOM unless asked');
  const rows = parseCsv(res.body);
  const keys = Object.keys(CASE_ROWS[0]!);
  t.strictSame(
    rows.map((r) => pick(r, keys)),
    CASE_ROWS,
  );
  const uz = parseCsv((await app.inject('/v1/cases.csv?country=UZ&limit=200')).body);
  t.strictSame(
    uz.map((r) => pick(r, keys)),
    CASE_ROWS.filter((r) => r.country === 'UZ'),
    'the filter applies to the CSV',
  );
  // The CSV is the JSON list, cell by cell: every column the JSON record has is in the row.
  const json = (await app.inject('/v1/cases?limit=200')).json().data;
  t.strictSame(
    json.map((k: { id: string; summary: string }) => [k.id, k.summary]),
    rows.map((r) => [r.id, r.summary]),
  );
});

t.test('a null inside a list keeps its column aligned (penalty minimums stay on their penalty)', async (t) => {
  const { valuesAt } = await import('../../src/http/csv.js');
  const record = {
    penalties: [
      { min: null, max: 3 },
      { min: 5, max: 8 },
    ],
  };
  t.strictSame(valuesAt(record, ['penalties', 'min']), ['', '5']);
  t.strictSame(valuesAt(record, ['penalties', 'max']), ['3', '8']);
});

t.test('format=csv and Accept: text/csv are the .csv operation; format=json the list', async (t) => {
  const direct = await app.inject('/v1/countries.csv');
  t.strictSame(
    parseCsv(direct.body).map((r) => [r.code, r.name, r['counts.cases']]),
    [
      ['KG', 'Kyrgyzstan', '2'],
      ['UZ', 'Uzbekistan', '1'],
    ],
  );
  const byFormat = await app.inject('/v1/countries?format=csv');
  t.equal(byFormat.body, direct.body);
  const byAccept = await app.inject({ url: '/v1/countries', headers: { accept: 'text/csv' } });
  t.match(byAccept.headers['content-type'], /^text\/csv/);
  t.equal(byAccept.body, direct.body);
  const json = await app.inject({ url: '/v1/countries', headers: { accept: 'text/csv;q=0.5, application/json' } });
  t.match(json.headers['content-type'], /^application\/json/);
  t.strictSame(
    (await app.inject('/v1/countries?format=json')).json().data.map((c: { code: string }) => c.code),
    ['KG', 'UZ'],
  );
  const bad = await app.inject('/v1/countries?format=xml');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'format');
  const detail = await app.inject({ url: '/v1/countries/KG', headers: { accept: 'text/csv' } });
  t.equal(detail.statusCode, 406, 'single records have no CSV form');
  const jsonOnly = await app.inject({ url: '/v1/countries.csv', headers: { accept: 'application/json' } });
  t.equal(jsonOnly.statusCode, 406, 'the CSV operation is CSV only');
});

t.test('a list as its own table: one row per item, keyed by the parent', async (t) => {
  const rows = parseCsv((await app.inject('/v1/cases.csv?country=KG&limit=200&table=charges')).body);
  t.strictSame(
    rows.map((r) => ({ caseId: r.caseId, chargesIndex: r.chargesIndex, id: r.id, part: r.part, p: r['provision.id'] })),
    [
      {
        caseId: 'kg-2024-bishkek-aa',
        chargesIndex: '0',
        id: 'kg-2024-bishkek-aa#kg-cc-2020-art-100#1',
        part: '1',
        p: 'kg-cc-2020-art-100',
      },
      {
        caseId: 'kg-2023-osh-bb',
        chargesIndex: '0',
        id: 'kg-2023-osh-bb#kg-cc-2020-art-100#1',
        part: '1',
        p: 'kg-cc-2020-art-100',
      },
      {
        caseId: 'kg-2023-osh-bb',
        chargesIndex: '1',
        id: 'kg-2023-osh-bb#kg-cc-2020-art-30#*',
        part: '',
        p: 'kg-cc-2020-art-30',
      },
    ],
  );
  const sentences = parseCsv((await app.inject('/v1/cases.csv?country=KG&limit=200&table=sentences')).body);
  const sentence = { kind: 'imprisonment', amount: '', unit: '', regime: '' };
  t.strictSame(sentences, [
    {
      caseId: 'kg-2024-bishkek-aa',
      sentencesIndex: '0',
      ...sentence,
      years: '6',
      months: '0',
      days: '0',
      totalMonths: '72',
      suspended: 'false',
      probationMonths: '',
    },
    {
      caseId: 'kg-2023-osh-bb',
      sentencesIndex: '0',
      ...sentence,
      years: '3',
      months: '',
      days: '',
      totalMonths: '36',
      suspended: 'true',
      probationMonths: '24',
    },
  ]);
  // A list inside a list: each row has the index of its item at both levels. The one statistic of the Kyrgyz note
  // cites the note's source; the Uzbek warning has no statistics.
  const nested = parseCsv((await app.inject('/v1/practice.csv?limit=200&table=statistics.sources')).body);
  t.strictSame(
    nested.map((r) => [r.practiceNoteId, r.statisticsIndex, r.sourcesIndex, r.id]),
    [['kg-practice-convictions', '0', '0', 'fixture-ministry-statement']],
  );
  const bad = await app.inject('/v1/cases.csv?table=shoes');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'table');
});

t.test('bom=true starts the file with a byte order mark for Excel', async (t) => {
  const res = await app.inject('/v1/countries.csv?bom=true');
  t.ok(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  t.strictSame(
    parseCsv(res.body).map((r) => r.code),
    ['KG', 'UZ'],
  );
  t.equal((await app.inject('/v1/countries.csv?bom=yes')).json().errors[0].name, 'bom');
});

t.test('an empty page as CSV still has its header row', async (t) => {
  const res = await app.inject('/v1/cases.csv?decidedTo=1990');
  const [header, ...rest] = res.body.trim().split('\r\n');
  t.strictSame(rest, []);
  t.match(header, /^id,country,court\.name,/);
});

t.test('fields selects top-level fields, in JSON and CSV', async (t) => {
  t.strictSame((await app.inject('/v1/cases?fields=id,outcome&limit=3')).json(), {
    data: [
      { id: 'kg-2024-bishkek-aa', outcome: 'convicted' },
      { id: 'kg-2023-osh-bb', outcome: 'convicted' },
      { id: 'uz-2022-tashkent-cc', outcome: null },
    ],
    page: { limit: 3, next: null },
  });
  const decided = (date: string, precision: string, kind: string, note = '') => ({
    'decided.date': date,
    'decided.precision': precision,
    'decided.kind': kind,
    'decided.note': note,
    'decided.reported': '',
    'decided.sentenceStart': '',
  });
  t.strictSame(parseCsv((await app.inject('/v1/cases.csv?fields=id,decided&limit=3')).body), [
    { id: 'kg-2024-bishkek-aa', ...decided('2024-03-15', 'day', 'decision') },
    { id: 'kg-2023-osh-bb', ...decided('2023-09', 'month', 'reported') },
    {
      id: 'uz-2022-tashkent-cc',
      ...decided('2022-11', 'month', 'not-after', 'Fixture: the report of November 2022 gives no date for the ruling.'),
    },
  ]);
  for (const url of ['/v1/cases?fields=id,shoeSize', '/v1/cases.csv?fields=id,shoeSize', '/v1/cases?fields=id;x']) {
    const bad = await app.inject(url);
    t.equal(bad.statusCode, 400, url);
    t.equal(bad.json().errors[0].name, 'fields');
  }
});

t.test('count=true reports the total of matching records', async (t) => {
  const res = await app.inject('/v1/cases?country=KG&limit=1&count=true');
  t.equal(res.json().page.total, 2, 'A.A. and B.B.');
  t.equal(res.headers['x-total-count'], '2');
  t.strictSame(
    res.json().data.map((k: { id: string }) => k.id),
    ['kg-2024-bishkek-aa'],
  );
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
  t.strictSame(
    body.data.map((k: { id: string }) => k.id),
    CASE_ROWS.map((k) => k.id),
  );
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
    const other = await buildTestApp(t, dir);
    for (const url of ['/v1/cases?country=KG&limit=2', '/v1/countries/KG', '/v1/search?q=Mercenarism']) {
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
