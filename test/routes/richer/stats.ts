// Case statistics for charts on the richer fixture (test/fixtures/richer.ts): zero-filled groups (a year or a country
// with no case is a row with 0), the statistics of every kind of sentence (prison, suspended, a fine), filters, and
// the CSV (aligned cells, or one row per group and kind). The base fixture's whole answers are in fixture.test.ts;
// the real data/ in test/data/answers/cases.ts.
import t from 'tap';
import { parseCsv } from '../../csv.js';
import { expectBadParameters } from '../../helper.js';
import { app, revision } from './app.js';
import { CaseQuerySchema } from '../../../src/domain/cases.js';
import { CASE_ONLY_FILTERS, caseStats, medianOf, ROLLUP_FILTERS } from '../../../src/queries/stats.js';
import { GROUPINGS, statsBothWays } from '../../stats-both-ways.js';

const get = async (url: string) => {
  const res = await app.inject(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res;
};
/** Lengths in months: none known, or the given ones (all whole months here, so the mean is exact). */
const lengths = (...months: number[]) => {
  if (months.length === 0) return { count: 0, minMonths: null, medianMonths: null, meanMonths: null, maxMonths: null };
  const s = [...months].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { count: s.length, minMonths: s[0]!, medianMonths: median, meanMonths: mean, maxMonths: s.at(-1)! };
};
const EMPTY = { cases: 0, imprisonment: lengths(), suspended: 0, sentences: [] };

// The Kyrgyz rulings: D.D. 2020 (4 years = 48 months), E.E. 2022 (acquitted), B.B. 2023 (3 years suspended),
// A.A. 2024 (6 years = 72 months), F.F. 2024 (a fine). The Uzbek C.C. 2022 has no outcome nor sentence.
t.test('every year from the first to the last is a row, a year without cases with 0', async (t) => {
  t.strictSame((await get('/v1/stats/cases?groupBy=year&country=KG')).json(), {
    groupBy: ['year'],
    data: [
      {
        group: { year: 2020 },
        cases: 1,
        imprisonment: lengths(48),
        suspended: 0,
        sentences: [{ kind: 'imprisonment', cases: 1, suspended: 0, lengths: lengths(48) }],
      },
      { group: { year: 2021 }, ...EMPTY },
      { group: { year: 2022 }, ...EMPTY, cases: 1 },
      {
        group: { year: 2023 },
        cases: 1,
        imprisonment: lengths(),
        suspended: 1,
        sentences: [{ kind: 'imprisonment', cases: 1, suspended: 1, lengths: lengths() }],
      },
      {
        group: { year: 2024 },
        cases: 2,
        imprisonment: lengths(72),
        suspended: 0,
        sentences: [
          { kind: 'fine', cases: 1, suspended: 0, lengths: lengths() },
          { kind: 'imprisonment', cases: 1, suspended: 0, lengths: lengths(72) },
        ],
      },
    ],
    datasetRevision: revision,
  });
  // A filter applies before the grouping; the years still run from the first to the last case.
  const convicted = (await get('/v1/stats/cases?groupBy=year&country=KG&outcome=convicted')).json();
  t.strictSame(
    convicted.data.map((r: { group: { year: number }; cases: number }) => [r.group.year, r.cases]),
    [
      [2020, 1],
      [2021, 0],
      [2022, 0],
      [2023, 1],
      [2024, 2],
    ],
  );
});

t.test('every country is a row, those with no case included; every kind of sentence, not only prison', async (t) => {
  const res = await get('/v1/stats/cases?groupBy=country');
  t.equal(res.headers['dataset-revision'], revision);
  t.strictSame(res.json(), {
    groupBy: ['country'],
    data: [
      {
        group: { country: 'KG' },
        cases: 5,
        imprisonment: lengths(48, 72),
        suspended: 1,
        sentences: [
          { kind: 'fine', cases: 1, suspended: 0, lengths: lengths() },
          { kind: 'imprisonment', cases: 3, suspended: 1, lengths: lengths(48, 72) },
        ],
      },
      { group: { country: 'KZ' }, ...EMPTY },
      { group: { country: 'TJ' }, ...EMPTY },
      { group: { country: 'TM' }, ...EMPTY },
      { group: { country: 'UZ' }, ...EMPTY, cases: 1 },
    ],
    datasetRevision: revision,
  });
  t.strictSame(lengths(48, 72), { count: 2, minMonths: 48, medianMonths: 60, meanMonths: 60, maxMonths: 72 });
});

t.test('other dimensions: the first sentence kind, the outcome', async (t) => {
  const rows = async (url: string) =>
    (await get(url)).json().data.map((r: { group: object; cases: number }) => [r.group, r.cases]);
  t.strictSame(await rows('/v1/stats/cases?groupBy=sentenceKind&country=KG'), [
    [{ sentenceKind: 'fine' }, 1],
    [{ sentenceKind: 'imprisonment' }, 3],
    [{ sentenceKind: null }, 1],
  ]);
  // Groups in key order (alphabetical), the unknown (null) last.
  t.strictSame(await rows('/v1/stats/cases?groupBy=outcome'), [
    [{ outcome: 'acquitted' }, 1],
    [{ outcome: 'convicted' }, 4],
    [{ outcome: null }, 1],
  ]);
});

t.test('CSV: one row per group with the same figures; or one row per group and kind of sentence', async (t) => {
  const byYear = parseCsv((await get('/v1/stats/cases.csv?groupBy=year&country=KG')).body);
  t.strictSame(
    byYear.map((r) => [r['group.year'], r.cases, r.suspended, r['imprisonment.count'], r['imprisonment.maxMonths']]),
    [
      ['2020', '1', '0', '1', '48'],
      ['2021', '0', '0', '0', ''],
      ['2022', '1', '0', '0', ''],
      ['2023', '1', '1', '0', ''],
      ['2024', '2', '0', '1', '72'],
    ],
  );
  const kinds = parseCsv((await get('/v1/stats/cases.csv?groupBy=country&table=sentences')).body);
  t.strictSame(
    kinds.map((r) => [r['group.country'], r.kind, r.cases, r.suspended, r['lengths.count'], r['lengths.medianMonths']]),
    [
      ['KG', 'fine', '1', '0', '0', ''],
      ['KG', 'imprisonment', '3', '1', '2', '60'],
    ],
  );
});

t.test('bad parameters are 400s naming the parameter', async (t) => {
  await expectBadParameters(t, app, [
    ['/v1/stats/cases?groupBy=planet', 'groupBy'],
    ['/v1/stats/cases?groupBy=,', 'groupBy'],
    ['/v1/stats/cases?country=XX', 'country'],
    ['/v1/stats/cases?outcome=hanged', 'outcome'],
    ['/v1/stats/cases?limit=5', 'limit'],
    ['/v1/stats/cases.csv?table=planets', 'table'],
  ]);
});

t.test('statements per request: one, with or without filters, JSON or CSV', async (t) => {
  for (const url of [
    '/v1/stats/cases?groupBy=year&country=KG&outcome=convicted',
    '/v1/stats/cases.csv?groupBy=country&table=sentences',
  ]) {
    t.equal((await app.inject(url)).statusCode, 200, url);
    const before = app.database.statements();
    t.equal((await app.inject(url)).statusCode, 200, url);
    t.equal(app.database.statements() - before, 1, url);
  }
});

t.test('statistics from the groups the import keeps equal those from the cases, whole', async (t) => {
  const db = app.database.db;
  const both = await statsBothWays(db, [
    {},
    { country: 'KG' },
    { country: 'KG', decidedFrom: '2022', decidedTo: '2024-06' },
    { outcome: 'convicted' },
    { conduct: 'armed-conflict-participation' },
    { provision: 'kg-cc-2020-art-100' },
    { provision: '100', country: 'KG' },
    { sentenceKind: 'imprisonment' },
    { sentenceKind: 'fine', country: 'KG' },
    { force: 'fixture-legion' },
    { dateKind: 'decision' },
    { side: 'russia' },
    // Not known: both ways the same 400 (checked in the statement, before any group is read).
    { conduct: 'flying' },
    { provision: 'kg-cc-1900-art-1' },
  ]);
  t.strictSame(both.unequal, [], 'every answer the same both ways');
  t.equal(both.compared, 14 * GROUPINGS.length);
  t.ok(both.withLengths > 50, `groups with a known length compared: ${both.withLengths}`);
  t.strictSame(both.notRollup, [], 'every filter here is one the groups answer');
});

t.test(
  'which filters the groups answer: a name, a text or a length of sentence, or a date inside a month, read the cases',
  async (t) => {
    const via = async (q: Parameters<typeof caseStats>[2]) => (await caseStats(app.database.db, ['year'], q)).via;
    t.strictSame(
      await Promise.all(
        [
          { country: 'KG' as const, decidedFrom: '2020', decidedTo: '2024-02' },
          { decidedFrom: '2020-03-01', decidedTo: '2024-02-29' },
          { decidedFrom: '2020-03-02' },
          { decidedTo: '2024-02-28' },
          { defendant: 'A.A.' },
          { court: 'Bishkek' },
          { q: 'legion' },
          { sentenceMinYears: 3 },
          { sentenceKind: 'imprisonment' as const, sentenceMaxYears: 5 },
        ].map(via),
      ),
      ['rollup', 'rollup', 'cases', 'cases', 'cases', 'cases', 'cases', 'cases', 'cases'],
    );
    // Every filter of the case query is in one of the two lists, and only one: a new filter is a decision.
    const filters = Object.keys(CaseQuerySchema.shape).filter((k) => !['sort', 'limit', 'cursor', 'count'].includes(k));
    t.strictSame([...filters].sort(), [...ROLLUP_FILTERS, ...CASE_ONLY_FILTERS].sort());
    await t.rejects(caseStats(app.database.db, ['year'], { q: 'legion' }, { via: 'rollup' }), {
      message: 'caseStats: the groups cannot answer this filter',
    });
  },
);

t.test(
  'the median from the groups is percentile_cont: the middle length, or between the two middle ones',
  async (t) => {
    t.strictSame(
      [
        medianOf(null),
        medianOf([]),
        medianOf([[48, 1]]),
        medianOf([
          [36, 1],
          [48, 1],
        ]),
        medianOf([
          [12, 3],
          [60, 1],
        ]),
        medianOf([
          [12, 2],
          [60, 2],
        ]),
        medianOf([
          [1.5, 1],
          [2.2, 1],
        ]),
      ],
      [null, null, '48', '42', '12', '36', String(1.5 + 0.5 * (2.2 - 1.5))],
    );
  },
);
