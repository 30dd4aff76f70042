// Search and lookup as a lawyer types: every folding (another script, each transliteration scheme, a prefix, a typo),
// every record kind, ranking past an unknown word, the country filter through citing records, the case filters and
// their "did you mean", and the citation forms reports use. Expectations are derived from data/.
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { buildTestApp } from '../helper.js';
import { SEARCH_TYPES } from '../../src/domain/search.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));
const byId = new Map(allCases.map((k) => [k.id, k]));

type Hit = {
  type: string;
  id: string;
  countries: string[];
  snippet: string;
  highlights: { start: number; end: number }[];
  matched: { term: string; field: string; how: string; word: string }[];
};
const find = async (q: string, extra = '') => {
  const res = await app.inject(`/v1/search?q=${encodeURIComponent(q)}&limit=200${extra}`);
  t.equal(res.statusCode, 200, q);
  return res.json().data as Hit[];
};

t.test('each folding finds the record the source spells another way', async (t) => {
  // [query, the record, the word of the record it must meet, how]
  const cases: [string, string, string, string][] = [
    ['Кубанычбек', 'kg-2023-bishkek-kubanychbek-uulu', 'Kubanychbek', 'folded'], // Cyrillic for a Latin name
    ['Kubanychbekuulu', 'kg-2023-bishkek-kubanychbek-uulu', 'Kubanychbek', 'folded'], // uulu written together
    ['Pervomaysky', 'kg-2023-bishkek-kubanychbek-uulu', 'Pervomaisky', 'folded'], // y / i
    ['Bekobod', 'uz-2025-bekabad-aa', 'Bekabad', 'folded'], // Uzbek o / Russian a
    ["Qo'shtepa", 'uz-2024-fergana-qoshtepa-khalikov', 'Qo‘shtepa', 'folded'], // ' for ‘
    ['Qoʻshtepa', 'uz-2024-fergana-qoshtepa-khalikov', 'Qo‘shtepa', 'folded'], // modifier letter ʻ
    ['Kushtepa', 'uz-2024-fergana-qoshtepa-khalikov', 'Qo‘shtepa', 'fuzzy'], // Russian-style spelling
    ['Kubanych', 'kg-2023-bishkek-kubanychbek-uulu', 'Kubanychbek', 'prefix'], // a prefix
    ['Kubanychbak', 'kg-2023-bishkek-kubanychbek-uulu', 'Kubanychbek', 'fuzzy'], // one typo
  ];
  for (const [q, id, word, how] of cases) {
    const k = byId.get(id)!;
    t.ok(k, `${id} is in the data`);
    t.ok(`${k.defendant.name} ${k.court.name} ${k.court.place} ${k.summary}`.includes(word), `${id} spells ${word}`);
    const hit = (await find(q, '&type=case')).find((h) => h.id === id);
    t.ok(hit, `${q} finds ${id}`);
    t.ok(
      hit?.matched.some((m) => m.word === word && m.how === how),
      `${q} meets ${word} (${how}): ${JSON.stringify(hit?.matched)}`,
    );
  }
  // Vokhidzoda / Vohidzoda: kh for h, in a practice note.
  const note = ds.countries.flatMap((c) => c.practice.practice).find((n) => /Vohidzoda/.test(n.statement))!;
  t.ok((await find('Vokhidzoda')).some((h) => h.id === note.id && h.matched[0]!.how === 'folded'));
});

t.test('every kind of record is found by a word of its title', async (t) => {
  const samples: Record<string, { id: string; title: string }> = {
    case: { id: 'kg-2023-naryn-borugul-uulu', title: 'Borugul' },
    provision: { id: 'kg-cc-2021-art-416', title: 'Mercenarism' },
    instrument: { id: 'kz-amnesty-2025', title: 'amnesty' },
    practice: { id: ds.countries[0]!.practice.practice[0]!.id, title: '' },
    force: { id: 'wagner-group', title: 'Wagner' },
    source: { id: 'kloop-2021-12-10-new-code-cases-closed', title: 'Клооп' },
    gap: { id: 'tm-gap-1', title: 'Turkmenistan' },
  };
  t.same(Object.keys(samples).sort(), [...SEARCH_TYPES].sort(), 'one sample per kind');
  // The practice note and the source are found by a distinctive word of their own text.
  samples.practice!.title = ds.countries[0]!.practice.practice[0]!.statement.split(/\s+/).find((w) => w.length > 9)!;
  samples.source!.title = 'прекращены';
  for (const [type, { id, title }] of Object.entries(samples)) {
    const hits = await find(title.replace(/[^\p{L}\p{N} ]/gu, ''), `&type=${type}`);
    t.ok(
      hits.some((h) => h.id === id),
      `${type} ${id} found by "${title}"`,
    );
    t.ok(
      hits.every((h) => h.type === type),
      `only ${type} results`,
    );
  }
});

t.test('a query with one word that matches nothing still finds the rest, ranked by words matched', async (t) => {
  const both = await find('Borugul Naryn', '&type=case');
  const one = await find('Borugul Zzyzxqv', '&type=case');
  t.ok(
    one.some((h) => h.id === 'kg-2023-naryn-borugul-uulu'),
    'found despite the unknown word',
  );
  t.equal(both[0]!.id, one[0]!.id);
  const all = await find('Borugul Naryn mercenary');
  const top = all.find((h) => h.id === 'kg-2023-naryn-borugul-uulu')!;
  t.ok(top.matched.length >= 2, 'the best record meets several words');
  // -excluded and "phrases" narrow.
  const excluded = await find('Borugul -Naryn', '&type=case');
  t.notOk(
    excluded.some((h) => h.id === 'kg-2023-naryn-borugul-uulu'),
    '-Naryn excludes it',
  );
});

t.test('the country filter keeps sources cited by that country, and snippets carry no markup', async (t) => {
  const kgSource = byId.get('kg-2023-naryn-borugul-uulu')!.sources[0]!;
  const hits = await find(kgSource.split('-').slice(0, 1).join(' '), '&type=source&country=KG');
  t.ok(hits.length > 0);
  t.ok(hits.every((h) => h.countries.includes('KG')));
  const uz = await find('mercenary', '&type=source&country=UZ');
  t.ok(uz.length > 0 && uz.every((h) => h.countries.includes('UZ')), 'a source is a hit of the countries citing it');
  for (const h of [...hits, ...uz]) {
    t.notMatch(h.snippet, /<\/?mark>/);
    for (const r of h.highlights) t.ok(r.start >= 0 && r.end <= h.snippet.length && r.start < r.end);
  }
});

t.test(
  'case lookups: defendant, court, place, judge in any spelling; article by short number; sentences',
  async (t) => {
    const ids = async (q: string) => {
      const res = await app.inject(`/v1/cases?${q}&limit=200&fields=id`);
      t.equal(res.statusCode, 200, q);
      return res
        .json()
        .data.map((d: { id: string }) => d.id)
        .sort();
    };
    const named = (re: RegExp, f: (k: (typeof allCases)[number]) => string | null | undefined) =>
      allCases
        .filter((k) => re.test(f(k) ?? ''))
        .map((k) => k.id)
        .sort();
    t.same(
      await ids(`defendant=${encodeURIComponent('Кубанычбек')}`),
      named(/Kubanychbek/, (k) => k.defendant.name),
    );
    t.same(
      await ids('defendant=Kubanychbekuulu'),
      named(/Kubanychbek/, (k) => k.defendant.name),
    );
    t.same(
      await ids('court=Pervomaysky'),
      named(/Pervomai/, (k) => k.court.name),
    );
    t.same(
      await ids('place=Bekobod'),
      named(/Bekabad/, (k) => k.court.place),
    );
    const judged = allCases.find((k) => k.judge)!;
    t.same(await ids(`judge=${encodeURIComponent(judged.judge!.split(' ').at(-1)!)}`), [judged.id]);
    // Article by its short number within a country: 154-1, 154¹ and the id agree.
    const uz1541 = allCases
      .filter((k) => k.charges.some((c) => c.provision === 'uz-cc-1994-art-154-1'))
      .map((k) => k.id)
      .sort();
    t.ok(uz1541.length > 0);
    t.same(await ids('country=UZ&provision=154-1'), uz1541);
    t.same(await ids(`country=UZ&provision=${encodeURIComponent('154¹')}`), uz1541);
    t.same(await ids('provision=uz-cc-1994-art-154-1'), uz1541);
    // Sentence kind and length.
    const long = allCases
      .filter((k) => k.sentences.some((s) => s.kind === 'imprisonment' && (s.years ?? 0) * 12 + (s.months ?? 0) >= 180))
      .map((k) => k.id)
      .sort();
    t.same(await ids('sentenceKind=imprisonment&sentenceMinYears=15'), long);
  },
);

t.test('an unknown value is a 400 naming the parameter, with the nearest valid values', async (t) => {
  const bad: [string, string, string][] = [
    ['/v1/cases?conduct=recrutment', 'conduct', 'recruitment'],
    ['/v1/cases?force=wagner', 'force', 'wagner-group'],
    ['/v1/cases?provision=uz-cc-1994-art-15-1', 'provision', 'uz-cc-1994-art-154-1'],
    ['/v1/countries/KG/consequences?conduct=mercenery-participation', 'conduct', 'mercenary-participation'],
    ['/v1/cases?sentenceMinYears=lots', 'sentenceMinYears', ''],
  ];
  for (const [url, name, suggestion] of bad) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 400, url);
    const err = res.json().errors.find((e: { name: string }) => e.name === name);
    t.ok(err, `${url} names ${name}`);
    if (suggestion) t.ok(err.suggestions.includes(suggestion), `${url} suggests ${suggestion}: ${err.suggestions}`);
  }
});

t.test('the citation resolver reads the forms reports use', async (t) => {
  const parsed = async (cite: string) =>
    (await app.inject(`/v1/resolve?cite=${encodeURIComponent(cite)}`)).json() as {
      parsed: { article: string; part: string | null; paragraph: string | null; country: string | null };
      candidates: { provision: { id: string } }[];
    };
  const forms: [string, string, string | null, string | null, string][] = [
    ['ст. 401¹ УК РТ', '401-1', null, 'TJ', 'tj-cc-1998-art-401-1'],
    ["ч. 2 ст. 401' УК РТ", '401-1', '2', 'TJ', 'tj-cc-1998-art-401-1'],
    ['статья 401′', '401-1', null, null, 'tj-cc-1998-art-401-1'],
    ['154-модда 1-қисм', '154', '1', null, 'uz-cc-1994-art-154'],
    ['154-1-modda 2-qism UK RUz', '154-1', '2', 'UZ', 'uz-cc-1994-art-154-1'],
    ['UK KR art. 256', '256', null, 'KG', 'kg-cc-2021-art-256'],
    ['UK RK, ч. 1 ст. 172', '172', '1', 'KZ', 'kz-cc-2014-art-172'],
    ['part 2 of article 416 of the Criminal Code of Kyrgyzstan', '416', '2', 'KG', 'kg-cc-2021-art-416'],
    ['article 375 of the 1997 Kyrgyz code', '375', null, 'KG', 'kg-cc-1997-art-375'],
  ];
  for (const [cite, article, part, country, id] of forms) {
    const r = await parsed(cite);
    t.same([r.parsed.article, r.parsed.part, r.parsed.country], [article, part, country], cite);
    t.ok(
      r.candidates.some((c) => c.provision.id === id),
      `${cite} -> ${id}`,
    );
  }
  t.equal((await parsed('п. «а» ч. 3 ст. 154 УК РУз')).parsed.paragraph, 'а');
});
