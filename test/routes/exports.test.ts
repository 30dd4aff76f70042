// Bulk data on the fixture: the list names every dataset in both formats with the record counts of the fixture, and
// each file downloads with the announced size, checksum and name; NDJSON lines are the API records, CSV rows the
// list's CSV; a later import is followed; unknown files are a 400 naming the parameter.
import { createHash } from 'node:crypto';
import t from 'tap';
import { importDataDir } from '../../src/data/import.js';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { parseCsv } from '../csv.js';
import { fixtureData, fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp, expectBadParameters } from '../helper.js';

const dir = await fixtureDataset(t);
const app = await buildTestApp(t, dir, { responseCacheMb: 0 });
const fixture = fixtureData();

/** The records of each dataset in the fixture, in the order of the files, with the API path of each. */
const RECORDS: [string, string[], (id: string) => string][] = [
  ['countries', ['KG', 'UZ'], (id) => `/v1/countries/${id}`],
  [
    'instruments',
    // By id.
    ['kg-amnesty-2023', 'kg-cc-2020', 'kg-law-2022-amendment', 'uz-cc-1995', 'uz-law-2021-amendment'],
    (id) => `/v1/instruments/${id}`,
  ],
  [
    'provisions',
    // By id, as text: art-100 before art-30.
    ['kg-cc-2020-art-100', 'kg-cc-2020-art-101', 'kg-cc-2020-art-30', 'uz-cc-1995-art-154', 'uz-cc-1995-art-155'],
    (id) => `/v1/provisions/${id}`,
  ],
  ['conducts', fixture.conducts.conducts.map((c) => c.code), (id) => `/v1/conducts/${id}`],
  ['forces', ['fixture-legion'], (id) => `/v1/forces/${id}`],
  ['cases', ['uz-2022-tashkent-cc', 'kg-2023-osh-bb', 'kg-2024-bishkek-aa'], (id) => `/v1/cases/${id}`], // by date
  ['practice', ['kg-practice-convictions', 'uz-practice-warning'], (id) => `/v1/practice/${id}`],
  [
    'sources',
    [...fixture.sources.sources, ...fixture.kg.sources!.sources].map((s) => s.id).sort(),
    (id) => `/v1/sources/${id}`,
  ],
];

const download = async (href: string) => {
  const res = await app.inject(href);
  t.equal(res.statusCode, 200, href);
  return res;
};
const lines = (body: string) =>
  body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id?: string; code?: string });

t.test('the list: every dataset in both formats, with its record count, size and checksum', async (t) => {
  const meta = (await app.inject('/v1/meta')).json();
  t.equal(meta.revision, datasetRevision(await loadDataset(dir)));
  const files = [];
  for (const [dataset, ids] of RECORDS)
    for (const format of ['ndjson', 'csv']) {
      const href = `/v1/export/${dataset}.${format}`;
      const body = (await download(href)).rawPayload;
      files.push({
        dataset,
        format,
        href,
        records: ids.length,
        bytes: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
      });
    }
  t.strictSame((await app.inject('/v1/export')).json(), {
    revision: meta.revision,
    importedAt: meta.importedAt,
    licence: 'CC-BY-4.0',
    files,
  });
});

t.test('a file: its name carries the revision, its digest its checksum', async (t) => {
  const { revision } = (await app.inject('/v1/meta')).json();
  for (const [file, type] of [
    ['cases.ndjson', 'application/x-ndjson; charset=utf-8'],
    ['cases.csv', 'text/csv; charset=utf-8'],
  ] as const) {
    const res = await download(`/v1/export/${file}`);
    t.equal(res.headers['content-type'], type);
    t.equal(res.headers['content-disposition'], `attachment; filename="${revision}-${file}"`);
    t.equal(res.headers.digest, `sha-256=${createHash('sha256').update(res.rawPayload).digest('base64')}`);
  }
});

t.test('NDJSON lines are the API records, in order; CSV rows are the CSV of the lists', async (t) => {
  for (const [dataset, ids, path] of RECORDS) {
    const records = lines((await download(`/v1/export/${dataset}.ndjson`)).body);
    t.strictSame(
      records.map((r) => r.id ?? r.code),
      ids,
      `${dataset}: the records`,
    );
    for (const [i, id] of ids.entries()) t.strictSame(records[i], (await app.inject(path(id))).json(), path(id));
  }
  // The conducts as CSV, written from the fixture: the counts are of provisions and cases naming each.
  const counts: Record<string, [string, string]> = {
    'armed-conflict-participation': ['2', '2'], // arts 100 (KG) and 155 (UZ); A.A. and B.B.
    'mercenary-participation': ['2', '1'], // arts 101 (KG) and 154 (UZ); C.C.
    recruitment: ['2', '0'], // arts 101 and 154
    'foreign-military-service': ['0', '0'],
  };
  t.strictSame(
    parseCsv((await download('/v1/export/conducts.csv')).body),
    fixture.conducts.conducts.map((c) => ({
      code: c.code,
      label: c.label,
      description: c.description,
      provisionCount: counts[c.code]![0],
      caseCount: counts[c.code]![1],
    })),
  );
  t.strictSame(
    parseCsv((await download('/v1/export/cases.csv')).body),
    parseCsv((await app.inject('/v1/cases?format=csv&sort=decided&limit=200')).body),
    'the cases file is the cases list as CSV, oldest first',
  );
});

t.test('unknown files: a 400 naming the file', async (t) => {
  await expectBadParameters(t, app, [
    ['/v1/export/cases.xml', 'file'],
    ['/v1/export/people.csv', 'file'],
    ['/v1/export/cases', 'file'],
  ]);
});

t.test('statements per request', async (t) => {
  const measured: Record<string, number> = {};
  for (const url of ['/v1/export', '/v1/export/cases.ndjson', '/v1/export/sources.csv']) {
    await download(url);
    const before = app.database.statements();
    await download(url);
    measured[url] = app.database.statements() - before;
  }
  t.strictSame(measured, { '/v1/export': 1, '/v1/export/cases.ndjson': 1, '/v1/export/sources.csv': 1 });
});

t.test('after another import, the files are those of the new revision', async (t) => {
  const other = await fixtureDataset(t, (d) => {
    d.kg.cases.cases = d.kg.cases.cases!.filter((k) => k.id !== 'kg-2023-osh-bb');
  });
  const { revision } = await importDataDir(app.database.db, other);
  t.equal(revision, datasetRevision(await loadDataset(other)));
  const list = (await app.inject('/v1/export')).json();
  t.equal(list.revision, revision);
  t.strictSame(
    list.files.map((f: { href: string; records: number }) => [f.href, f.records]),
    RECORDS.flatMap(([dataset, ids]) => {
      const n = dataset === 'cases' ? ids.length - 1 : ids.length;
      return [
        [`/v1/export/${dataset}.ndjson`, n],
        [`/v1/export/${dataset}.csv`, n],
      ];
    }),
  );
  t.strictSame(
    lines((await download('/v1/export/cases.ndjson')).body).map((r) => r.id),
    ['uz-2022-tashkent-cc', 'kg-2024-bishkek-aa'],
  );
});
