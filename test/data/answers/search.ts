// Search, the case lookups, the citation resolver and case statistics on the REAL data/: the names, places and
// citations the records of data/ hold are found as people spell them, and the statistics add up to data/. The
// behaviours themselves are tested on the fixture (test/routes/spellings/search.ts, search-stats.ts).
import t from 'tap';
import { app } from './app.js';
import { ds } from '../dataset.js';

const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));
const byId = new Map(allCases.map((k) => [k.id, k]));

type Hit = { type: string; id: string; matched: { word: string; how: string }[] };
const find = async (q: string, extra = '') => {
  const res = await app.inject(`/v1/search?q=${encodeURIComponent(q)}&limit=200${extra}`);
  t.equal(res.statusCode, 200, q);
  return res.json().data as Hit[];
};

t.test('real records are found by the spellings people type', async (t) => {
  // [query, the record, the word of the record it must meet, how]
  const cases: [string, string, string, string][] = [
    ['Кубанычбек', 'kg-2023-bishkek-kubanychbek-uulu', 'Kubanychbek', 'folded'],
    ['Kubanychbekuulu', 'kg-2023-bishkek-kubanychbek-uulu', 'Kubanychbek', 'folded'],
    ['Pervomaysky', 'kg-2023-bishkek-kubanychbek-uulu', 'Pervomaisky', 'folded'],
    ['Bekobod', 'uz-2025-bekabad-aa', 'Bekabad', 'folded'],
    ["Qo'shtepa", 'uz-2024-fergana-qoshtepa-khalikov', 'Qo‘shtepa', 'folded'],
    ['Kushtepa', 'uz-2024-fergana-qoshtepa-khalikov', 'Qo‘shtepa', 'fuzzy'],
    ['Kubanychbak', 'kg-2023-bishkek-kubanychbek-uulu', 'Kubanychbek', 'fuzzy'],
  ];
  for (const [q, id, word, how] of cases) {
    const k = byId.get(id)!;
    t.ok(`${k.defendant.name} ${k.court.name} ${k.court.place} ${k.summary}`.includes(word), `${id} spells ${word}`);
    const hit = (await find(q, '&type=case')).find((h) => h.id === id);
    t.ok(
      hit?.matched.some((m) => m.word === word && m.how === how),
      `${q} meets ${word} of ${id} (${how}): ${JSON.stringify(hit?.matched)}`,
    );
  }
  const note = ds.countries.flatMap((c) => c.practice.practice).find((n) => /Vohidzoda/.test(n.statement))!;
  t.ok(
    (await find('Vokhidzoda')).some((h) => h.id === note.id && h.matched[0]!.how === 'folded'),
    note.id,
  );
  // Every case whose summary names Wagner is found by the word.
  const wagner = (await find('Wagner', '&type=case')).map((h) => h.id);
  for (const c of allCases.filter((c) => /wagner/i.test(c.summary))) t.ok(wagner.includes(c.id), c.id);
});

t.test('real records of every kind are found by a word of their own', async (t) => {
  const samples: [string, string, string][] = [
    ['case', 'Borugul', 'kg-2023-naryn-borugul-uulu'],
    ['provision', 'Mercenarism', 'kg-cc-2021-art-416'],
    ['instrument', 'amnesty', 'kz-amnesty-2025'],
    ['force', 'Wagner', 'wagner-group'],
    ['source', 'прекращены', 'kloop-2021-12-10-new-code-cases-closed'],
    ['gap', 'Turkmenistan', 'tm-gap-1'],
  ];
  for (const [type, q, id] of samples)
    t.ok(
      (await find(q, `&type=${type}`)).some((h) => h.id === id),
      `${type} ${id} found by ${q}`,
    );
  const prov = (await app.inject('/v1/provisions?q=mercenary&limit=200&fields=id')).json().data;
  t.ok(
    prov.some((p: { id: string }) => p.id === 'tm-cc-1997-art-169'),
    'q= on provisions',
  );
});

t.test('real cases by defendant, court, place, judge and article number', async (t) => {
  const ids = async (q: string) =>
    (await app.inject(`/v1/cases?${q}&limit=200&fields=id`))
      .json()
      .data.map((d: { id: string }) => d.id)
      .sort();
  const named = (re: RegExp, f: (k: (typeof allCases)[number]) => string | null | undefined) =>
    allCases
      .filter((k) => re.test(f(k) ?? ''))
      .map((k) => k.id)
      .sort();
  t.strictSame(
    await ids(`defendant=${encodeURIComponent('Кубанычбек')}`),
    named(/Kubanychbek/, (k) => k.defendant.name),
  );
  t.strictSame(
    await ids('court=Pervomaysky'),
    named(/Pervomai/, (k) => k.court.name),
  );
  t.strictSame(
    await ids('place=Bekobod'),
    named(/Bekabad/, (k) => k.court.place),
  );
  const judged = allCases.find((k) => k.judge)!;
  t.strictSame(await ids(`judge=${encodeURIComponent(judged.judge!.split(' ').at(-1)!)}`), [judged.id]);
  const uz1541 = named(/./, (k) => (k.charges.some((c) => c.provision === 'uz-cc-1994-art-154-1') ? 'y' : ''));
  t.ok(uz1541.length > 0);
  t.strictSame(await ids(`country=UZ&provision=${encodeURIComponent('154¹')}`), uz1541);
});

t.test('real citations resolve to the articles of data/', async (t) => {
  const forms: [string, string][] = [
    ['ч. 2 ст. 401¹ УК РТ', 'tj-cc-1998-art-401-1'],
    ['154-1-modda 2-qism UK RUz', 'uz-cc-1994-art-154-1'],
    ['UK KR art. 256', 'kg-cc-2021-art-256'],
    ['UK RK, ч. 1 ст. 172', 'kz-cc-2014-art-172'],
    ['part 2 of article 416 of the Criminal Code of Kyrgyzstan', 'kg-cc-2021-art-416'],
    ['article 375 of the 1997 Kyrgyz code', 'kg-cc-1997-art-375'],
  ];
  for (const [cite, id] of forms) {
    const r = (await app.inject(`/v1/resolve?cite=${encodeURIComponent(cite)}`)).json();
    t.strictSame(
      r.candidates.map((c: { provision: { id: string } }) => c.provision.id),
      [id],
      cite,
    );
  }
});

t.test('statistics by country and outcome add up to data/', async (t) => {
  const { data } = (await app.inject('/v1/stats/cases?groupBy=country,outcome')).json();
  for (const row of data)
    t.equal(
      row.cases,
      allCases.filter((c) => c.country === row.group.country && c.outcome === row.group.outcome).length,
      `${row.group.country} ${row.group.outcome}`,
    );
  t.equal(
    data.reduce((n: number, r: { cases: number }) => n + r.cases, 0),
    allCases.length,
  );
});
