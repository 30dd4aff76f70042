// The countries, cases and case statistics of the real data/ as the API serves them: each country's counts and gaps,
// every case once with its date, charges and sentences as in the YAML, and the statistics counting every case. The
// behaviours (paging, filters, zero-filled groups, CSV, errors) are tested on the fixture in test/routes/richer/cases.ts,
// test/routes/richer/stats.ts and test/routes/richer/countries.ts.
import t from 'tap';
import { app } from './app.js';
import { ds } from '../dataset.js';
import { GROUPINGS, statsBothWays } from '../../stats-both-ways.js';

const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));
const get = async (url: string) => {
  const res = await app.inject(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return res.json();
};

t.test('the five countries with their counts, gaps and sources as in data/', async (t) => {
  const { data } = await get('/v1/countries');
  t.strictSame(
    data.map((c: { code: string; counts: object; gaps: object; sources: { id: string }[] }) => [
      c.code,
      c.counts,
      c.gaps,
      c.sources.map((s) => s.id),
    ]),
    [...ds.countries]
      .sort((a, b) => a.country.country.code.localeCompare(b.country.country.code))
      .map((c) => [
        c.country.country.code,
        {
          instruments: c.law.instruments.length,
          provisions: c.law.provisions.length,
          cases: c.cases.cases.length,
          practiceNotes: c.practice.practice.length,
        },
        c.country.gaps,
        c.country.country.sources,
      ]),
  );
});

t.test('every case once, with its date, charges and sentences as in data/', async (t) => {
  interface Served {
    id: string;
    country: string;
    decided: { date: string; kind: string; note: string | null };
    events: { kind: string }[];
    sources: { id: string; title: string; publisher: string }[];
    outcome: string | null;
    charges: { provision: { id: string }; part: string | null }[];
    sentences: { kind: string; years: number | null; suspended: boolean }[];
  }
  const served: Served[] = [];
  let url: string | null = '/v1/cases?limit=200';
  while (url) {
    const res = await app.inject(url);
    served.push(...res.json().data);
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  const byId = new Map(served.map((c) => [c.id, c]));
  t.equal(byId.size, served.length, 'no repeats');
  t.strictSame([...byId.keys()].sort(), allCases.map((k) => k.id).sort());
  for (const k of allCases) {
    const c = byId.get(k.id)!;
    t.strictSame(
      [
        c.country,
        c.decided.date,
        c.decided.kind,
        c.decided.note,
        c.outcome,
        c.charges.map((x) => [x.provision.id, x.part]),
        c.sentences.map((s) => [s.kind, s.years, s.suspended]),
        c.events.map((e) => e.kind),
        c.sources.map((s) => s.id),
      ],
      [
        k.country,
        k.decided,
        k.dateKind,
        k.dateNote ?? null,
        k.outcome,
        k.charges.map((x) => [x.provision, x.part]),
        k.sentences.map((s) => [s.kind, s.years ?? null, s.suspended]),
        k.events.map((e) => e.kind),
        [...new Set(k.sources)],
      ],
      k.id,
    );
    t.ok(
      c.sources.every((s) => s.title && s.publisher),
      `${k.id}: its sources have a title and a publisher`,
    );
  }
});

t.test('the statistics count every case: by country, and by year with the empty years', async (t) => {
  const count = (code: string) => allCases.filter((c) => c.country === code).length;
  t.strictSame(
    (await get('/v1/stats/cases?groupBy=country')).data.map((r: { group: { country: string }; cases: number }) => [
      r.group.country,
      r.cases,
    ]),
    ['KG', 'KZ', 'TJ', 'TM', 'UZ'].map((c) => [c, count(c)]),
  );
  // Every kind of sentence imposed in a country is a row of its statistics, with the cases that got it.
  for (const row of (await get('/v1/stats/cases?groupBy=country')).data as {
    group: { country: string };
    sentences: { kind: string; cases: number }[];
  }[]) {
    const cases = allCases.filter((c) => c.country === row.group.country);
    const kinds = [...new Set(cases.flatMap((c) => c.sentences.map((s) => s.kind)))].sort();
    t.strictSame(
      row.sentences.map((s) => [s.kind, s.cases]),
      kinds.map((k) => [k, cases.filter((c) => c.sentences.some((s) => s.kind === k)).length]),
      `${row.group.country}: every kind imposed`,
    );
  }
  const uz = allCases.filter((c) => c.country === 'UZ').map((c) => Number(c.decided.slice(0, 4)));
  const first = Math.min(...uz);
  t.strictSame(
    (await get('/v1/stats/cases?groupBy=year&country=UZ')).data.map((r: { group: { year: number }; cases: number }) => [
      r.group.year,
      r.cases,
    ]),
    Array.from({ length: Math.max(...uz) - first + 1 }, (_, i) => [
      first + i,
      uz.filter((y) => y === first + i).length,
    ]),
  );
});

t.test('the statistics from the groups the import keeps equal those from the cases, on data/', async (t) => {
  // The commonest conducts, charged provisions and forces of the real cases, each as a filter of its own.
  const commonest = (values: (string | null | undefined)[], n: number) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([v]) => v);
  };
  const filters = [
    {},
    ...(['KG', 'KZ', 'TJ', 'UZ'] as const).map((country) => ({ country })),
    { country: 'KZ' as const, decidedFrom: '2023', decidedTo: '2024-06' },
    { outcome: 'convicted' as const },
    { sentenceKind: 'imprisonment' as const },
    { side: 'russia' as const },
    ...commonest(
      allCases.flatMap((c) => c.conducts),
      2,
    ).map((conduct) => ({ conduct })),
    ...commonest(
      allCases.flatMap((c) => c.charges.map((ch) => ch.provision)),
      2,
    ).map((provision) => ({ provision })),
    ...commonest(
      allCases.map((c) => c.force),
      1,
    ).map((force) => ({ force })),
  ];
  const both = await statsBothWays(app.database.db, filters);
  t.strictSame(both.unequal, [], 'every answer the same both ways');
  t.equal(both.compared, filters.length * GROUPINGS.length);
  t.ok(both.withLengths > 500, `groups with a known length compared: ${both.withLengths}`);
  t.strictSame(both.notRollup, []);
});

t.test('a list sends each case as its own answer, in order, whatever the page, filter and fields', async (t) => {
  // The list sends the JSON each case got at import (case_docs.body); the single case and fields= encode the case per
  // request. Every case of data/ through both, whole.
  const one = new Map<string, unknown>();
  for (const k of allCases) one.set(k.id, await get(`/v1/cases/${encodeURIComponent(k.id)}`));
  const pages: { id: string }[] = [];
  let url: string | null = '/v1/cases?limit=7&count=true';
  let total: number | undefined;
  while (url) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    const body = res.json() as { data: { id: string }[]; page: { next: string | null; total?: number; limit: number } };
    t.equal(body.page.limit, 7);
    total ??= body.page.total;
    pages.push(...body.data);
    url = body.page.next ? `/v1/cases?limit=7&count=true&cursor=${body.page.next}` : null;
  }
  t.equal(total, allCases.length);
  t.equal(pages.length, allCases.length, 'every case once over the pages');
  t.strictSame(
    pages,
    pages.map((c) => one.get(c.id)),
    'each exactly as /v1/cases/{id} answers it',
  );

  // Every field selected is the record itself; a filter gives the same records as the unfiltered list keeps.
  const fields = Object.keys(pages[0]!).join(',');
  const selected = await get(`/v1/cases?limit=200&fields=${fields}`);
  t.strictSame(selected.data, pages, 'fields= naming every field: the same records');
  const uz = await get('/v1/cases?country=UZ&limit=200&sort=decided');
  t.strictSame(
    uz.data,
    pages.filter((c) => (c as unknown as { country: string }).country === 'UZ').reverse(),
    'a filtered page, oldest first',
  );
  t.ok(uz.data.length > 1);
});

t.test('a page whose cases lack their stored answer is refused with 503, never sent short', async (t) => {
  // As after a start without the import on derived tables another version of the code wrote (src/db/derived.ts).
  const { sql } = await import('drizzle-orm');
  const url = '/v1/cases?country=KZ&limit=3&sort=decided';
  const before = await get(url);
  const id = before.data[1].id as string;
  const db = app.database.writeDb;
  const stored = (await db.execute(sql`select body from case_docs where case_id = ${id}`)) as {
    rows: { body: string }[];
  };
  const body = stored.rows[0]!.body;
  await db.execute(sql`update case_docs set body = null where case_id = ${id}`);
  t.teardown(() => db.execute(sql`update case_docs set body = ${body} where case_id = ${id}`));
  // Another URL for the same page (the response cache holds the first).
  const res = await app.inject(`${url}&count=false`);
  t.equal(res.statusCode, 503);
  t.strictSame(res.json(), {
    type: '/problems/service-unavailable',
    title: 'Service unavailable',
    status: 503,
    detail: 'some cases have no stored answer (the derived tables are stale): run npm run data:import',
    instance: `${url}&count=false`,
  });
  await db.execute(sql`update case_docs set body = ${body} where case_id = ${id}`);
  t.strictSame((await get(`${url}&count=true`)).data, before.data, 'with the body back, the same page');
});
