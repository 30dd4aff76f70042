// A typed client generated from openapi.yaml (openapi-typescript 7 + openapi-fetch) type-checks as written and gets
// real values from the app (on the fixture, test/fixtures/dataset.ts) on a random port: the document is usable by
// generated clients without casts.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { COUNTRY_CODES } from '../../src/domain/vocabulary.js';
import { parseCsv } from '../csv.js';
import { fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp } from '../helper.js';
import { generateClientTypes, TYPES_FILE } from './generate.js';
import { useTheApi } from './program.js';

const run = promisify(execFile);
const dir = await fixtureDataset(t);
const ds = await loadDataset(dir);

t.test('the committed client types are those openapi-typescript makes of openapi.yaml', async (t) => {
  t.equal(await readFile(TYPES_FILE, 'utf8'), await generateClientTypes(), 'run `npm run openapi` and commit');
});

t.test('the client program type-checks on its own (no casts; the @ts-expect-error calls are refused)', async (t) => {
  // tsc itself (not through npx), incremental: its record of the last check in node_modules/.cache lets it re-check
  // only what changed since (it compares every file it reads, so a changed type is checked again).
  const args = ['--noEmit', '-p', 'test/client/tsconfig.json', '--incremental'];
  args.push('--tsBuildInfoFile', 'node_modules/.cache/ca-law-tests/client.tsbuildinfo');
  const tsc = await run(process.execPath, ['node_modules/typescript/bin/tsc', ...args]).then(
    () => ({ code: 0, out: '' }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
  t.equal(tsc.out, '');
  t.equal(tsc.code, 0);
});

t.test('the client gets real values from the app over HTTP', async (t) => {
  const app = await buildTestApp(t, dir);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const kgCases = ds.countries.find((c) => c.country.country.code === 'KG')!.cases.cases;
  const r = await useTheApi(address);
  t.equal(r.revision, datasetRevision(ds));
  t.same(r.countryCodes, ['KG', 'UZ']);
  t.equal(r.kgName, 'Kyrgyzstan');
  t.equal(r.caseIds?.length, 2);
  t.ok(
    r.caseIds?.every((id) => kgCases.some((k) => k.id === id)),
    'the cases are Kyrgyz cases of the fixture',
  );
  t.equal(r.total, kgCases.length);
  t.equal(r.totalHeader, String(kgCases.length));
  t.equal(r.firstDecided, kgCases.find((k) => k.id === r.caseIds?.[0])?.decided, 'decided.date as in the fixture');
  t.equal(r.oneCaseCountry, 'KG');
  t.equal(r.found, true);
  t.same(r.provisions, ['kg-cc-2020-art-100'], 'the 2020 code applies in 2023');
  t.equal(r.noQuestionStatus, 400);
  t.equal(r.noQuestionParameter, 'conduct');
  // Every country is a group, those the fixture has no record of with 0.
  const perCountry = Object.fromEntries(ds.countries.map((c) => [c.country.country.code, c.cases.cases.length]));
  t.same(
    r.statsGroups,
    [...COUNTRY_CODES].sort().map((code) => [code, perCountry[code] ?? 0]),
  );
  t.match(r.csvType, /^text\/csv/);
  const rows = parseCsv(r.csv ?? '');
  const expected = kgCases.filter((k) => r.caseIds?.includes(k.id)).reduce((n, k) => n + (k.sentences?.length ?? 0), 0);
  t.equal(rows.length, expected, 'one row per sentence of the two cases');
  t.ok(rows.every((row) => r.caseIds?.includes(row.caseId!)));
});
