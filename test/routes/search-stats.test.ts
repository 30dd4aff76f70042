// Full-text search (English and Russian) and grouped statistics, against data/.
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { parseCsv } from '../csv.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));
const sources = new Map(ds.sources.flatMap((f) => f.data.sources).map((s) => [s.id, s]));

t.test('search finds a ruling by an English word of its summary', async (t) => {
  const k = allCases.find((c) => c.id === 'kg-2023-naryn-borugul-uulu')!;
  t.match(k.summary, /Wagner/);
  const { data } = (await app.inject('/v1/search?q=Wagner&type=case&limit=200')).json();
  const ids = data.map((d: { id: string }) => d.id);
  t.ok(ids.includes(k.id), 'found by "Wagner"');
  const withWagner = allCases.filter((c) => /wagner/i.test(c.summary));
  for (const c of withWagner) t.ok(ids.includes(c.id), `${c.id} mentions Wagner`);
  const hit = data.find((d: { id: string }) => d.id === k.id);
  t.notMatch(hit.snippet, /<mark>/, 'snippets are plain text');
  t.ok(hit.highlights.length > 0, 'the match is located');
  for (const h of hit.highlights) t.match(hit.snippet.slice(h.start, h.end), /^wagner$/i);
  t.same(hit.matched[0], { term: 'wagner', field: 'body', how: 'exact', word: 'Wagner' });
  t.equal(hit.href, `/v1/cases/${k.id}`);
});

t.test('search finds a ruling by a Russian word, stemmed', async (t) => {
  // A case whose sources have a Russian title: find it by an inflected form of a word in that title.
  const k = allCases.find((c) => c.sources.some((s) => /наемник/i.test(sources.get(s)?.title ?? '')))!;
  t.ok(k, 'a case with a Russian source title on a mercenary');
  const { data } = (await app.inject(`/v1/search?q=${encodeURIComponent('наемники')}&type=case&limit=200`)).json();
  t.ok(
    data.some((d: { id: string }) => d.id === k.id),
    `${k.id} found by "наемники" (stemmed)`,
  );
});

t.test('search filters, pagination and bad input', async (t) => {
  const all = (await app.inject('/v1/search?q=mercenarism&limit=200')).json().data;
  const seen: string[] = [];
  let url: string | null = '/v1/search?q=mercenarism&limit=4';
  while (url) {
    const res = await app.inject(url);
    seen.push(...res.json().data.map((d: { type: string; id: string }) => `${d.type}:${d.id}`));
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  t.same(
    seen,
    all.map((d: { type: string; id: string }) => `${d.type}:${d.id}`),
    'pages walk the ranked list',
  );
  const ranks = all.map((d: { rank: number }) => d.rank);
  t.same(
    ranks,
    [...ranks].sort((a, b) => b - a),
    'ranked',
  );
  const uz = (await app.inject('/v1/search?q=mercenarism&country=UZ&limit=200')).json().data;
  t.ok(uz.length > 0 && uz.every((d: { countries: string[] }) => d.countries.includes('UZ')));
  t.equal((await app.inject('/v1/search?q=')).statusCode, 400);
  t.equal((await app.inject('/v1/search')).statusCode, 400);
  t.equal((await app.inject('/v1/search?q=x&type=poem')).statusCode, 400);
  const injection = await app.inject(`/v1/search?q=${encodeURIComponent("'); drop table cases; --")}`);
  t.equal(injection.statusCode, 200);
  t.equal(
    (await app.inject('/v1/cases?limit=200')).json().data.length,
    Math.min(200, allCases.length),
    'cases still there',
  );
});

t.test('q filters cases and provisions', async (t) => {
  const res = (await app.inject('/v1/cases?q=amnesty&limit=200')).json().data;
  t.ok(res.length > 0);
  t.ok(res.some((c: { id: string }) => c.id === 'kg-2023-naryn-borugul-uulu'));
  const prov = (await app.inject('/v1/provisions?q=mercenary&limit=200')).json().data;
  t.ok(prov.some((p: { id: string }) => p.id === 'tm-cc-1997-art-169'));
});

t.test('statistics grouped by country and outcome match the data', async (t) => {
  const { data } = (await app.inject('/v1/stats/cases?groupBy=country,outcome')).json();
  for (const row of data) {
    const want = allCases.filter((c) => c.country === row.group.country && c.outcome === row.group.outcome);
    t.equal(row.cases, want.length, `${row.group.country} ${row.group.outcome}`);
    const months = want
      .map((c) =>
        c.sentences
          .filter((s) => s.kind === 'imprisonment' && !s.suspended)
          .reduce((n, s) => n + (s.years ?? 0) * 12 + (s.months ?? 0) + (s.days ?? 0) / 30, 0),
      )
      .filter((_, i) => want[i]!.sentences.some((s) => s.kind === 'imprisonment' && !s.suspended));
    t.equal(row.imprisonment.count, months.length);
    t.same(
      [row.imprisonment.minMonths, row.imprisonment.maxMonths],
      months.length
        ? [Math.round(Math.min(...months) * 100) / 100, Math.round(Math.max(...months) * 100) / 100]
        : [null, null],
    );
  }
  t.equal(
    data.reduce((n: number, r: { cases: number }) => n + r.cases, 0),
    allCases.length,
    'every case in one group',
  );
});

t.test('statistics by year as CSV, with filters', async (t) => {
  const rows = parseCsv((await app.inject('/v1/stats/cases?groupBy=year&country=UZ&format=csv')).body);
  const uz = allCases.filter((c) => c.country === 'UZ');
  for (const r of rows)
    t.equal(Number(r.cases), uz.filter((c) => c.decided.startsWith(r['group.year']!)).length, `UZ ${r['group.year']}`);
  const bad = await app.inject('/v1/stats/cases?groupBy=country,shoe');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'groupBy');
});

t.test('search results as CSV and with fields', async (t) => {
  const json = (await app.inject('/v1/search?q=Wagner&limit=20')).json().data;
  const csv = parseCsv((await app.inject('/v1/search?q=Wagner&limit=20&format=csv')).body);
  t.same(
    csv.map((r) => [r.type, r.id, r.snippet]),
    json.map((d: { type: string; id: string; snippet: string }) => [d.type, d.id, d.snippet]),
  );
  const slim = (await app.inject('/v1/search?q=Wagner&limit=5&fields=id,type')).json().data;
  t.ok(slim.length > 0);
  t.ok(slim.every((d: object) => Object.keys(d).sort().join() === 'id,type'));
});
