// Bulk data: the listed files download with the announced size and checksum and hold what the endpoints serve.
import { createHash } from 'node:crypto';
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { parseCsv } from '../csv.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');

t.test('every listed file matches its size, checksum and record count', async (t) => {
  const list = (await app.inject('/v1/export')).json();
  t.equal(list.revision, datasetRevision(ds));
  t.equal(list.files.length, 16, '8 datasets x 2 formats');
  for (const f of list.files) {
    const res = await app.inject(f.href);
    t.equal(res.statusCode, 200, f.href);
    t.equal(res.rawPayload.length, f.bytes);
    t.equal(createHash('sha256').update(res.rawPayload).digest('hex'), f.sha256);
    const n = f.format === 'ndjson' ? res.body.trim().split('\n').filter(Boolean).length : parseCsv(res.body).length;
    t.equal(n, f.records, `${f.href} records`);
  }
  const cases = list.files.find(
    (f: { dataset: string; format: string }) => f.dataset === 'cases' && f.format === 'ndjson',
  );
  t.equal(
    cases.records,
    ds.countries.reduce((n, c) => n + c.cases.cases.length, 0),
  );
});

t.test('NDJSON records are the API records', async (t) => {
  const lines = (await app.inject('/v1/export/cases.ndjson')).body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const rec of lines.slice(0, 10)) t.same(rec, (await app.inject(`/v1/cases/${rec.id}`)).json(), rec.id);
  const provisions = (await app.inject('/v1/export/provisions.ndjson')).body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const p of provisions) t.same(p, (await app.inject(`/v1/provisions/${p.id}`)).json(), p.id);
});

t.test('unknown files', async (t) => {
  t.equal((await app.inject('/v1/export/cases.xml')).statusCode, 400);
  t.equal((await app.inject('/v1/export/people.csv')).statusCode, 400);
});
