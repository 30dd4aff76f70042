// Case statistics for charts: zero-filled groups (a year or a country with no case is a row with 0) and the
// statistics of every kind of sentence, in JSON and as CSV (aligned cells, or one row per group and kind).
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { parseCsv } from '../csv.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));
const yearOf = (d: string) => Number(d.slice(0, 4));

t.test('every year from the first to the last is a row, a year without cases with 0', async (t) => {
  const uz = allCases.filter((c) => c.country === 'UZ');
  const years = uz.map((c) => yearOf(c.decided));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const { data } = (await app.inject('/v1/stats/cases?groupBy=year&country=UZ')).json();
  t.same(
    data.map((r: { group: { year: number } }) => r.group.year),
    Array.from({ length: last - first + 1 }, (_, i) => first + i),
  );
  for (const r of data) t.equal(r.cases, uz.filter((c) => yearOf(c.decided) === r.group.year).length);
  const empty = data.find((r: { cases: number }) => r.cases === 0);
  if (empty) {
    t.same(empty.imprisonment, { count: 0, minMonths: null, medianMonths: null, meanMonths: null, maxMonths: null });
    t.same(empty.sentences, []);
  }
  const rows = parseCsv((await app.inject('/v1/stats/cases.csv?groupBy=year&country=UZ')).body);
  t.same(
    rows.map((r) => [Number(r['group.year']), Number(r.cases)]),
    data.map((r: { group: { year: number }; cases: number }) => [r.group.year, r.cases]),
  );
});

t.test('every country is a row, Turkmenistan with no case included', async (t) => {
  const { data } = (await app.inject('/v1/stats/cases?groupBy=country')).json();
  const count = (code: string) => allCases.filter((c) => c.country === code).length;
  t.same(
    data.map((r: { group: { country: string }; cases: number }) => [r.group.country, r.cases]),
    ['KG', 'KZ', 'TJ', 'TM', 'UZ'].map((c) => [c, count(c)]),
  );
});

t.test('statistics of every kind of sentence, not only prison', async (t) => {
  const { data } = (await app.inject('/v1/stats/cases?groupBy=country')).json();
  for (const row of data) {
    const cases = allCases.filter((c) => c.country === row.group.country);
    const kinds = [...new Set(cases.flatMap((c) => c.sentences.map((s) => s.kind)))].sort();
    t.same(
      row.sentences.map((s: { kind: string }) => s.kind),
      kinds,
      `${row.group.country}: every kind imposed`,
    );
    for (const s of row.sentences) {
      const withKind = cases.filter((c) => c.sentences.some((x) => x.kind === s.kind));
      t.equal(s.cases, withKind.length, `${row.group.country} ${s.kind} cases`);
      t.equal(
        s.suspended,
        withKind.filter((c) => c.sentences.some((x) => x.kind === s.kind && x.suspended)).length,
        `${row.group.country} ${s.kind} suspended`,
      );
    }
  }
  const table = parseCsv((await app.inject('/v1/stats/cases.csv?groupBy=country&table=sentences')).body);
  t.same(
    table.map((r) => [r['group.country'], r.kind, Number(r.cases)]),
    data.flatMap((r: { group: { country: string }; sentences: { kind: string; cases: number }[] }) =>
      r.sentences.map((s) => [r.group.country, s.kind, s.cases]),
    ),
  );
  t.ok(
    table.some((r) => r.kind !== 'imprisonment'),
    'kinds other than prison are there',
  );
});
