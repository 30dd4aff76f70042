// Full-text search by stemmed English and Russian words, the q filter of lists, search as CSV and with fields, and
// grouped case statistics (JSON and CSV), on the fixture with the spellings variant (test/fixtures/spellings.ts):
// six cases, whose sentences are written out below. The real data: test/data/answers/search.ts.
import t from 'tap';
import { DOOLOTBEK, KUBANYCHBEK, RU_SOURCE, XALIKOV } from '../../fixtures/spellings.js';
import { parseCsv } from '../../csv.js';
import { expectBadParameters } from '../../helper.js';
import { app, revision } from './app.js';

const json = async (url: string) => {
  const res = await app.inject(url);
  t.equal(res.statusCode, 200, url);
  return res.json();
};
const noRank = (hits: { rank: number }[]) => hits.map(({ rank: _rank, ...h }) => h);

t.test('an English word of a summary, stemmed: joining finds "joined"', async (t) => {
  const snippet = `${KUBANYCHBEK.summary}\nJudge ${KUBANYCHBEK.judge}`;
  const start = snippet.indexOf('joined');
  t.strictSame(noRank((await json('/v1/search?q=joining&type=case')).data), [
    {
      type: 'case',
      id: KUBANYCHBEK.id,
      country: 'KG',
      countries: ['KG'],
      title: 'Kubanychbek uulu Nurlan, Pervomaisky District Court, Bishkek',
      snippet,
      highlights: [{ start, end: start + 'joined'.length }],
      matched: [{ term: 'joining', field: 'body', how: 'stem', word: 'joined' }],
      href: `/v1/cases/${KUBANYCHBEK.id}`,
    },
  ]);
});

t.test('a Russian word, inflected: наемников finds the Russian source and the case citing it', async (t) => {
  // The source by its title "Наемники ..."; Xalikov's case by the title of its source (the "other" field). The two
  // words differ by their endings only (-ов, -и): a stem match, though they are also one edit apart.
  const word = { term: 'наемников', how: 'stem', word: 'Наемники' };
  t.strictSame(noRank((await json(`/v1/search?q=${encodeURIComponent('наемников')}`)).data), [
    {
      type: 'source',
      id: RU_SOURCE.id,
      country: null,
      countries: ['UZ'],
      title: RU_SOURCE.title,
      snippet: 'Fixture Press',
      highlights: [],
      matched: [{ ...word, field: 'title' }],
      href: `/v1/sources/${RU_SOURCE.id}`,
    },
    {
      type: 'case',
      id: XALIKOV.id,
      country: 'UZ',
      countries: ['UZ'],
      title: 'Xalikov E., Bekabad District Criminal Court, Bekabad',
      snippet: XALIKOV.summary,
      highlights: [],
      matched: [{ ...word, field: 'other' }],
      href: `/v1/cases/${XALIKOV.id}`,
    },
  ]);
});

t.test('q filters cases and provisions: every word must match, in any spelling', async (t) => {
  const ids = async (url: string) => (await json(`${url}&fields=id`)).data.map((d: { id: string }) => d.id);
  // The Fixture Legion is in four summaries; newest first: 2024-05-20, 2024-03-15, 2024-02, 2023-12-05.
  t.strictSame(await ids('/v1/cases?q=Legion'), [XALIKOV.id, 'kg-2024-bishkek-aa', DOOLOTBEK.id, KUBANYCHBEK.id]);
  t.strictSame(await ids('/v1/cases?q=Legion%20Bishkek'), ['kg-2024-bishkek-aa', KUBANYCHBEK.id]);
  t.strictSame(await ids(`/v1/cases?q=${encodeURIComponent('Кубанычбек')}`), [KUBANYCHBEK.id]);
  t.strictSame(await ids('/v1/cases?q=Legion%20Zzyzxqv'), [], 'a word matching nothing: no case has every word');
  // "mercenary" is in the parts of the three mercenarism articles (by id).
  t.strictSame(await ids('/v1/provisions?q=mercenary'), [
    'kg-cc-1997-art-375',
    'kg-cc-2020-art-101',
    'uz-cc-1995-art-154',
  ]);
  await expectBadParameters(t, app, [
    ['/v1/cases?q=', 'q'],
    ['/v1/provisions?q=', 'q'],
  ]);
});

/** A group with no sentence of imprisonment. */
const NONE = { count: 0, minMonths: null, medianMonths: null, meanMonths: null, maxMonths: null };
const empty = (group: Record<string, string | number | null>, cases = 0) => ({
  group,
  cases,
  imprisonment: NONE,
  suspended: 0,
  sentences: [],
});

t.test('statistics grouped by country and outcome: every pair, with the sentences of each', async (t) => {
  // Kyrgyz convictions: A.A. 6 years (72 months), Kubanychbek 5 (60), Doolotbek kyzy 15 (180), and B.B.'s suspended
  // 3 years, which counts as suspended, not in the lengths: median 72, mean (72 + 60 + 180) / 3 = 104. Uzbek: Xalikov
  // 4 years 6 months (54), and C.C. with no outcome. The countries are the five of the API, the outcomes those held.
  const kg = { count: 3, minMonths: 60, medianMonths: 72, meanMonths: 104, maxMonths: 180 };
  const uz = { count: 1, minMonths: 54, medianMonths: 54, meanMonths: 54, maxMonths: 54 };
  t.strictSame(await json('/v1/stats/cases?groupBy=country,outcome'), {
    groupBy: ['country', 'outcome'],
    data: [
      {
        group: { country: 'KG', outcome: 'convicted' },
        cases: 4,
        imprisonment: kg,
        suspended: 1,
        sentences: [{ kind: 'imprisonment', cases: 4, suspended: 1, lengths: kg }],
      },
      empty({ country: 'KG', outcome: null }),
      ...['KZ', 'TJ', 'TM'].flatMap((country) => [
        empty({ country, outcome: 'convicted' }),
        empty({ country, outcome: null }),
      ]),
      {
        group: { country: 'UZ', outcome: 'convicted' },
        cases: 1,
        imprisonment: uz,
        suspended: 0,
        sentences: [{ kind: 'imprisonment', cases: 1, suspended: 0, lengths: uz }],
      },
      empty({ country: 'UZ', outcome: null }, 1),
    ],
    datasetRevision: revision,
  });
});

t.test('statistics by year as CSV, filtered by country; a bad group is a 400 naming groupBy', async (t) => {
  // Uzbek cases: C.C. (2022-11) and Xalikov (2024-05-20); the years are those of every case, so 2023 is a row.
  const res = await app.inject('/v1/stats/cases?groupBy=year&country=UZ&format=csv');
  t.match(res.headers['content-type'], /^text\/csv/);
  const row = (year: string, cases: string, lengths: string[], sentence: string[]) => ({
    'group.year': year,
    cases,
    'imprisonment.count': lengths.length ? '1' : '0',
    'imprisonment.minMonths': lengths[0] ?? '',
    'imprisonment.medianMonths': lengths[0] ?? '',
    'imprisonment.meanMonths': lengths[0] ?? '',
    'imprisonment.maxMonths': lengths[0] ?? '',
    suspended: '0',
    'sentences.kind': sentence[0] ?? '',
    'sentences.cases': sentence[1] ?? '',
    'sentences.suspended': sentence[2] ?? '',
  });
  t.strictSame(parseCsv(res.body), [
    row('2022', '1', [], []),
    row('2023', '0', [], []),
    row('2024', '1', ['54'], ['imprisonment', '1', '0']),
  ]);
  t.strictSame((await app.inject('/v1/stats/cases?groupBy=country,shoe')).json().errors, [
    {
      in: 'query',
      name: 'groupBy',
      detail: 'unknown group shoe; use country, year, outcome, sentenceKind, provision, force, side, conduct',
    },
  ]);
  await expectBadParameters(t, app, [
    ['/v1/stats/cases?country=XX', 'country'],
    ['/v1/stats/cases?groupBy=', 'groupBy'],
  ]);
});

t.test('search results as CSV, one row per hit, and with fields', async (t) => {
  const hits = (await json('/v1/search?q=Legion')).data as { type: string; id: string; rank: number }[];
  // The force by its name, then the four cases whose summaries name it (equal ranks, by id).
  t.strictSame(
    hits.map((h) => `${h.type}:${h.id}`),
    [
      'force:fixture-legion',
      `case:${KUBANYCHBEK.id}`,
      'case:kg-2024-bishkek-aa',
      `case:${DOOLOTBEK.id}`,
      `case:${XALIKOV.id}`,
    ],
  );
  const csv = await app.inject('/v1/search?q=Legion&format=csv');
  t.match(csv.headers['content-type'], /^text\/csv/);
  const rows = parseCsv(csv.body);
  t.strictSame(Object.keys(rows[0]!), [
    'type',
    'id',
    'country',
    'countries',
    'title',
    'snippet',
    'highlights.start',
    'highlights.end',
    'matched.term',
    'matched.field',
    'matched.how',
    'matched.word',
    'rank',
    'href',
  ]);
  const force = 'UZ banned: Fixture court decision banning the Fixture Legion.';
  t.strictSame(rows[0], {
    type: 'force',
    id: 'fixture-legion',
    country: '',
    countries: 'UZ',
    title: 'Fixture Legion',
    snippet: force,
    'highlights.start': String(force.lastIndexOf('Legion')),
    'highlights.end': String(force.lastIndexOf('Legion') + 6),
    'matched.term': 'legion',
    'matched.field': 'title',
    'matched.how': 'exact',
    'matched.word': 'Legion',
    rank: String(hits[0]!.rank),
    href: '/v1/forces/fixture-legion',
  });
  // Each row is its hit: the snippets of the four cases are their summaries (and Kubanychbek's judge).
  const cases: [string, string][] = [
    [KUBANYCHBEK.id, `${KUBANYCHBEK.summary}\nJudge ${KUBANYCHBEK.judge}`],
    ['kg-2024-bishkek-aa', 'Fixture: A.A. fought for the Fixture Legion and was sentenced to 6 years.'],
    [DOOLOTBEK.id, DOOLOTBEK.summary],
    [XALIKOV.id, XALIKOV.summary],
  ];
  t.strictSame(
    rows.map((r) => [r.type, r.id, r.snippet, r.href]),
    [
      ['force', 'fixture-legion', force, '/v1/forces/fixture-legion'],
      ...cases.map(([id, snippet]) => ['case', id, snippet, `/v1/cases/${id}`]),
    ],
  );
  const slim = await json('/v1/search?q=Legion&limit=2&fields=id,type');
  t.strictSame(slim.data, [
    { id: 'fixture-legion', type: 'force' },
    { id: KUBANYCHBEK.id, type: 'case' },
  ]);
  t.equal(slim.page.limit, 2);
  t.type(slim.page.next, 'string', 'more hits after the first two');
  await expectBadParameters(t, app, [['/v1/search?q=Legion&fields=id,shoe', 'fields']]);
});

t.test('statements per request', async (t) => {
  const urls = [
    '/v1/search?q=joining&type=case',
    '/v1/search?q=Legion&format=csv',
    '/v1/cases?q=Legion%20Bishkek&fields=id',
    '/v1/provisions?q=mercenary',
    '/v1/stats/cases?groupBy=country,outcome',
    '/v1/stats/cases?groupBy=year&country=UZ&format=csv',
  ];
  const measured: Record<string, number> = {};
  for (const url of urls) {
    t.equal((await app.inject(url)).statusCode, 200, url);
    const before = app.database.statements();
    t.equal((await app.inject(url)).statusCode, 200, url);
    measured[url] = app.database.statements() - before;
  }
  t.strictSame(measured, Object.fromEntries(urls.map((u) => [u, 1])));
});
