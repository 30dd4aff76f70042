// The golden corpus: the answers of a broad set of URLs (every operation, every country, many dates including the
// boundaries of every version, force= answers, every list with filters, pagination cursors, fields= and .csv, every
// item of every resource), on a PGlite app built like test/helper.ts's buildTestApp over data/. Written to a file as
// status and URL, headers, then the body, one block per URL (import times masked); a rewrite of the queries must give
// identical bytes:
//   npx tsx test/golden/record.ts /tmp/golden-before.txt   (before)
//   npx tsx test/golden/record.ts /tmp/golden-after.txt && diff /tmp/golden-before.txt /tmp/golden-after.txt
// Not a tap test (it is not in test/**/*.test.ts): a tool for refactors of the SQL, run by hand.
import { writeFile } from 'node:fs/promises';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { importDataDir } from '../../src/data/import.js';
import { DATE_KINDS, OUTCOMES, SIDES, SOURCE_KINDS, STANCES } from '../../src/domain/vocabulary.js';

const out = process.argv[2] ?? '/tmp/golden.txt';
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
await migrateDatabase(database);
await importDataDir(database.writeDb, 'data');
const app = await buildApp({
  config: { logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0, responseCacheMb: 0 },
  database,
  logger: false,
});

const blocks: string[] = [];
const seen = new Set<string>();
async function get(url: string, accept?: string): Promise<{ status: number; body: string }> {
  const key = `${accept ?? ''} ${url}`;
  const res = await app.inject({ url, headers: accept ? { accept } : {} });
  if (!seen.has(key)) {
    seen.add(key);
    // The import time differs between runs: masked, with the ETags of the change feed, which carry it.
    const volatile = url.startsWith('/v1/changes') || url.startsWith('/v1/meta');
    const headers = ['etag', 'dataset-revision', 'link', 'x-total-count', 'content-type']
      .map((h) => `${h}=${h === 'etag' && volatile ? '<masked>' : (res.headers[h] ?? '')}`)
      .join(' ');
    const body = res.body.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '<imported>');
    blocks.push(`### ${res.statusCode} ${key}\n${headers}\n${body}\n`);
  }
  return { status: res.statusCode, body: res.body };
}
const json = async (url: string) => JSON.parse((await get(url)).body);

/** Every page of a list, following page.next; returns every record. */
async function pages(url: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let next: string | null = url;
  while (next) {
    const body = await json(next);
    all.push(...(body.data ?? []));
    const cursor: string | null = body.page?.next ?? null;
    next = cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : null;
  }
  return all;
}

const COUNTRIES = ['KG', 'KZ', 'TJ', 'TM', 'UZ'];
await get('/v1/meta');
await get('/v1/conducts');
const conducts = ((await json('/v1/conducts')).data as { code: string }[]).map((c) => c.code);
for (const c of conducts) await get(`/v1/conducts/${c}`);
await get('/v1/conducts/flying');

// Countries.
await get('/v1/countries');
await get('/v1/countries.csv');
await get('/v1/countries?fields=code,counts');
for (const c of COUNTRIES) await get(`/v1/countries/${c}`);
await get('/v1/countries/XX');

// Instruments.
await get('/v1/instruments');
await get('/v1/instruments.csv');
for (const c of COUNTRIES) await get(`/v1/instruments?country=${c}`);
for (const k of ['criminal-code', 'amnesty-act', 'law']) await get(`/v1/instruments?kind=${k}`);
const instruments = ((await json('/v1/instruments')).data as { id: string }[]).map((i) => i.id);
for (const id of instruments) await get(`/v1/instruments/${id}`);
await get('/v1/instruments/nope');

// Provisions and versions, and every boundary date of every version.
const provisions = (await pages('/v1/provisions?limit=7')).map((p) => p.id as string);
await get('/v1/provisions');
await get('/v1/provisions.csv');
await get('/v1/provisions?count=true&limit=3');
await get('/v1/provisions?fields=id,caseCount,conducts');
for (const c of COUNTRIES) await pages(`/v1/provisions?country=${c}&count=true&limit=4`);
for (const c of conducts) await get(`/v1/provisions?conduct=${c}`);
for (const q of ['mercenary', 'наемничество', 'recruit']) await get(`/v1/provisions?q=${encodeURIComponent(q)}`);
for (const id of instruments.slice(0, 6)) await get(`/v1/provisions?instrument=${id}`);
const dates = new Set(['1995-01-01', '2001-06-01', '2010-01-01', '2014-12-31', '2015-01-01', '2019-06-01']);
for (const d of ['2021-12-01', '2022-01-01', '2023-06-01', '2024-06-01', '2025-01-01', '2026-01-01']) dates.add(d);
const dayBefore = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);
for (const id of provisions) {
  await get(`/v1/provisions/${id}`);
  await get(`/v1/provisions/${id}/lineage`);
  const versions = (await json(`/v1/provisions/${id}/versions`)).data as {
    from: { earliest: string; latest: string };
    to: { earliest: string; latest: string } | null;
  }[];
  for (const v of versions)
    for (const b of [v.from, v.to])
      if (b) for (const d of [b.earliest, b.latest]) [d, dayBefore(d)].forEach((x) => dates.add(x));
}
const allDates = [...dates].sort();
for (const id of provisions.slice(0, 12))
  for (const d of allDates.filter((_, i) => i % 3 === 0)) await get(`/v1/provisions/${id}/versions?date=${d}`);
for (const d of allDates.filter((_, i) => i % 4 === 0)) await get(`/v1/provisions?date=${d}`);
await get('/v1/provisions/nope');

// Consequences: every country, conduct and date; force= answers; several conducts; today.
const forces = ((await json('/v1/forces')).data as { id: string }[]).map((f) => f.id);
for (const c of COUNTRIES) {
  for (const conduct of conducts) {
    for (const d of allDates) await get(`/v1/countries/${c}/consequences?conduct=${conduct}&date=${d}`);
    await get(`/v1/countries/${c}/consequences?conduct=${conduct}`);
  }
  for (const f of forces) {
    for (const d of ['2015-01-01', '2022-06-01', '2024-06-01'])
      await get(`/v1/countries/${c}/consequences?force=${f}&date=${d}`);
    await get(`/v1/countries/${c}/consequences?force=${f}&conduct=recruitment&date=2024-06-01`);
  }
  await get(`/v1/countries/${c}/consequences?conduct=armed-conflict-participation&conduct=recruitment&date=2020-01-01`);
  await get(`/v1/countries/${c}/consequences?conduct=${conducts.join('&conduct=')}&date=2024-06-01`);
}
await get('/v1/countries/KG/consequences?conduct=flying');
await get('/v1/countries/KG/consequences?force=nope');
await get('/v1/countries/KG/consequences?conduct=recruitment&force=nope');
await get('/v1/countries/KG/consequences');
for (const conduct of conducts) {
  for (const d of allDates.filter((_, i) => i % 2 === 0)) await get(`/v1/compare?conduct=${conduct}&date=${d}`);
  await get(`/v1/compare.csv?conduct=${conduct}&date=2024-06-01`);
}
for (const f of forces) await get(`/v1/compare?force=${f}&date=2024-06-01`);
await get('/v1/compare?conduct=flying');
await get('/v1/compare?conduct=armed-conflict-participation&conduct=financing&date=2019-06-01');

// Forces.
await get('/v1/forces');
await get('/v1/forces.csv');
for (const f of forces) await get(`/v1/forces/${f}`);
await get('/v1/forces/nope');

// Cases: pages, filters, sorts, csv, fields, every case.
const cases = (await pages('/v1/cases?limit=13')).map((c) => c.id as string);
await pages('/v1/cases?limit=9&sort=decided&count=true');
await get('/v1/cases');
await get('/v1/cases.csv');
await get('/v1/cases.csv?limit=200');
await get('/v1/cases?fields=id,country,decided,charges&limit=200');
await get('/v1/cases?format=csv&country=KG');
for (const c of COUNTRIES) {
  await pages(`/v1/cases?country=${c}&limit=20&count=true`);
  await get(`/v1/cases?country=${c}&sort=decided&limit=5`);
}
for (const conduct of conducts) await get(`/v1/cases?conduct=${conduct}&count=true`);
for (const f of forces) await get(`/v1/cases?force=${f}`);
for (const o of OUTCOMES) await get(`/v1/cases?outcome=${o}`);
for (const s of SIDES) await get(`/v1/cases?side=${s}&count=true`);
for (const k of DATE_KINDS) await get(`/v1/cases?dateKind=${k}`);
for (const q of [
  'provision=kg-cc-2021-art-416',
  'provision=416&country=KG',
  'provision=154-1',
  'provision=nope',
  'sentenceKind=imprisonment&sentenceMinYears=5',
  'sentenceMaxYears=3',
  'decidedFrom=2022&decidedTo=2023-06',
  'defendant=uulu',
  'court=osh',
  'place=bishkek',
  'judge=a',
  'q=Wagner',
  'conduct=flying',
  'force=nope',
])
  await get(`/v1/cases?${q}`);
for (const id of cases) await get(`/v1/cases/${id}`);
await get('/v1/cases/nope');

// Statistics.
for (const g of ['country', 'year', 'outcome', 'sentenceKind', 'provision', 'force', 'side', 'conduct']) {
  await get(`/v1/stats/cases?groupBy=${g}`);
  await get(`/v1/stats/cases?groupBy=country,${g}`);
}
await get('/v1/stats/cases?groupBy=country,year');
await get('/v1/stats/cases.csv?groupBy=country,year');
await get('/v1/stats/cases?groupBy=year&country=UZ&outcome=convicted');

// Practice.
const practice = (await pages('/v1/practice?limit=6')).map((p) => p.id as string);
await get('/v1/practice');
await get('/v1/practice.csv');
await get('/v1/practice?fields=id,stance');
for (const c of COUNTRIES) await pages(`/v1/practice?country=${c}&limit=3&count=true`);
for (const s of STANCES) await get(`/v1/practice?stance=${s}`);
for (const id of practice) await get(`/v1/practice/${id}`);
await get('/v1/practice/nope');

// Sources.
const sources = (await pages('/v1/sources?limit=50')).map((s) => s.id as string);
await get('/v1/sources');
await get('/v1/sources.csv');
await pages('/v1/sources?limit=40&count=true');
for (const k of SOURCE_KINDS) await get(`/v1/sources?kind=${k}`);
await get('/v1/sources?language=ru');
for (const id of sources) await get(`/v1/sources/${id}`);
await get('/v1/sources/nope');

// Search, resolve, changes, exports.
for (const q of ['Wagner', 'mercenary', 'наемник', 'Osh', 'amnesty'])
  await get(`/v1/search?q=${encodeURIComponent(q)}`);
for (const cite of ['Art. 416(2) CC KG', 'ст. 208 УК РФ', '154-1 UZ'])
  await get(`/v1/resolve?cite=${encodeURIComponent(cite)}`);
await pages('/v1/changes?limit=50');
await get('/v1/changes?limit=20');
await get('/v1/export');

// Pages for people (they read through the same query functions).
for (const lang of ['', '/ru']) {
  await get(`${lang}/`);
  for (const c of COUNTRIES) await get(`${lang}/countries/${c}`);
  for (const c of COUNTRIES)
    for (const conduct of conducts.slice(0, 3))
      await get(`${lang}/what-could-happen?country=${c}&conduct=${conduct}&date=2024-06-01`);
  await get(`${lang}/what-could-happen?country=KG&force=${forces[0]}&date=2022-06-01`);
  await get(`${lang}/what-could-happen`);
  for (const conduct of conducts) await get(`${lang}/compare?conduct=${conduct}&date=2024-06-01`);
  await get(`${lang}/compare?date=2015-01-01`);
  await get(`${lang}/rulings`);
  await get(`${lang}/rulings?country=KG`);
  for (const id of cases.slice(0, 10)) await get(`${lang}/rulings/${id}`);
  await get(`${lang}/sources`);
  await get(`${lang}/methodology`);
  await get(`${lang}/search?q=Wagner`);
}

await writeFile(out, blocks.join(''));
console.log(`${blocks.length} answers written to ${out}`);
await app.close();
await database.close();
