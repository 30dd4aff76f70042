// Conducts, forces, practice notes and sources on the fixture, varied here: a second force with two designations, a
// Kyrgyz practice note whose figures carry their own range, sentence, dispute, note, basis and sources (or inherit the
// note's), and a Russian NGO source. The lists of the base fixture are whole answers in test/routes/fixture.test.ts;
// here the single records, the filters, the pages, the counts, and bad input. The real data:
// test/data/answers/registry.ts.
import t from 'tap';
import { fixtureData, fixtureDataset, type DatasetFixture, sourceRef } from '../fixtures/dataset.js';
import { buildTestApp, expectBadParameters } from '../helper.js';

type Force = DatasetFixture['forces']['forces'][number];
type Note = NonNullable<DatasetFixture['kg']['practice']['practice']>[number];

const BRIGADE: Force = {
  id: 'fixture-brigade',
  name: 'Fixture Brigade',
  kind: 'armed-group',
  state: null,
  side: 'other',
  conflicts: ['fixture-war'],
  designations: [
    {
      country: 'KG',
      status: 'terrorist',
      from: '2021-03-01',
      to: null,
      act: 'Fixture decision designating the Fixture Brigade.',
      basis: 'official-statement',
      sources: ['fixture-ministry-statement'],
    },
    {
      country: 'UZ',
      status: 'extremist',
      from: '2022',
      to: '2024-06-30',
      act: null,
      basis: 'reported',
      sources: ['fixture-news-report'],
    },
  ],
  sources: ['fixture-ngo-report', 'fixture-ru-ngo'],
};

/** Two figures: one with every field of its own, one inheriting the note's basis and sources. */
const RETURNEES: Note = {
  id: 'kg-practice-returnees',
  kind: 'statistics',
  stance: 'rarely-prosecutes',
  from: '2022',
  to: '2024',
  statement: 'Fixture: between 10 and 15 returnees were exempted; 3 were sentenced to 5 to 8 years.',
  statistics: [
    {
      id: 's1',
      measure: 'exempted',
      value: 10,
      valueMax: 15,
      qualifier: 'about',
      from: '2022',
      to: '2024',
      scope: { provisions: ['kg-cc-2020-art-100'], region: 'Fixture region' },
      dispute: 'Fixture: the NGO counts 20.',
      note: 'Fixture: returnees who surrendered.',
      basis: 'reported',
      sources: ['fixture-ru-ngo'],
    },
    {
      id: 's2',
      measure: 'sentenced',
      value: 3,
      from: '2022',
      to: '2024',
      scope: { provisions: ['kg-cc-2020-art-100'], force: 'fixture-brigade' },
      sentence: { kind: 'imprisonment', min: 5, max: 8, unit: 'years' },
    },
  ],
  basis: 'official-statement',
  sources: ['fixture-ministry-statement'],
};

const RU_NGO = {
  ...fixtureData().sources.sources[4]!,
  id: 'fixture-ru-ngo',
  url: 'https://example.org/fixture-ru-ngo',
  title: 'Доклад правозащитников',
  publisher: 'Fixture Rights Centre',
  language: 'ru',
};

const app = await buildTestApp(
  t,
  await fixtureDataset(t, (d) => {
    d.sources.sources.push(RU_NGO);
    d.forces.forces.push(BRIGADE);
    d.kg.practice.practice!.push(RETURNEES);
  }),
  { responseCacheMb: 0 },
);
const fixture = fixtureData();
const allSources = [...fixture.sources.sources, ...fixture.kg.sources!.sources, RU_NGO];
const src = (id: string) => sourceRef(id, [RU_NGO]);
const get = async (url: string, status = 200) => {
  const res = await app.inject(url);
  t.equal(res.statusCode, status, url);
  return res.json();
};
async function walk(first: string): Promise<string[]> {
  const seen: string[] = [];
  let url: string | null = first;
  while (url) {
    const res: Awaited<ReturnType<typeof app.inject>> = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    seen.push(...res.json().data.map((n: { id: string }) => n.id));
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  return seen;
}
/** The 404 problem of `path` naming the kind of record asked for. */
const notFound = (what: string, path: string) => ({
  type: '/problems/not-found',
  title: 'Not found',
  status: 404,
  detail: `no ${what} has the id ${path.split('/').at(-1)}`,
  instance: path,
});

t.test('a conduct: its label and counts; an unknown one is a 404', async (t) => {
  const c = fixture.conducts.conducts.find((x) => x.code === 'recruitment')!;
  // Articles 101 (KG) and 154 (UZ) name recruitment; no case does.
  t.strictSame(await get('/v1/conducts/recruitment'), { ...c, provisionCount: 2, caseCount: 0 });
  t.strictSame(await get('/v1/conducts/flying', 404), notFound('conduct', '/v1/conducts/flying'));
});

t.test('forces: each designation with its sources, in order; case counts; a 404', async (t) => {
  const brigade = {
    id: 'fixture-brigade',
    name: 'Fixture Brigade',
    kind: 'armed-group',
    state: null,
    side: 'other',
    conflicts: [{ id: 'fixture-war', name: 'Fixture War' }],
    designations: [
      {
        country: 'KG',
        status: 'terrorist',
        from: '2021-03-01',
        to: null,
        act: 'Fixture decision designating the Fixture Brigade.',
        basis: 'official-statement',
        sources: [src('fixture-ministry-statement')],
      },
      {
        country: 'UZ',
        status: 'extremist',
        from: '2022',
        to: '2024-06-30',
        act: null,
        basis: 'reported',
        sources: [src('fixture-news-report')],
      },
    ],
    caseCount: 0, // no case names it
    sources: [src('fixture-ngo-report'), src('fixture-ru-ngo')],
  };
  t.strictSame(await get('/v1/forces/fixture-brigade'), brigade);
  const { data } = await get('/v1/forces');
  t.strictSame(
    data.map((f: { id: string; caseCount: number }) => [f.id, f.caseCount]),
    [
      ['fixture-brigade', 0],
      ['fixture-legion', 2], // A.A. and C.C.
    ],
  );
  t.strictSame(data[0], brigade);
  t.strictSame(await get('/v1/forces/nobody', 404), notFound('force', '/v1/forces/nobody'));
});

t.test('a practice note: every figure whole, its own fields or the note’s', async (t) => {
  t.strictSame(await get(`/v1/practice/${RETURNEES.id}`), {
    id: RETURNEES.id,
    country: 'KG',
    kind: 'statistics',
    stance: 'rarely-prosecutes',
    from: '2022',
    to: '2024',
    statement: RETURNEES.statement,
    statistics: [
      {
        id: 'kg-practice-returnees#s1',
        measure: 'exempted',
        value: 10,
        valueMax: 15,
        qualifier: 'about',
        from: '2022',
        to: '2024',
        scope: { provisions: ['kg-cc-2020-art-100'], conflict: null, force: null, region: 'Fixture region' },
        sentence: null,
        disputed: true,
        dispute: 'Fixture: the NGO counts 20.',
        note: 'Fixture: returnees who surrendered.',
        basis: 'reported',
        sources: [src('fixture-ru-ngo')],
      },
      {
        id: 'kg-practice-returnees#s2',
        measure: 'sentenced',
        value: 3,
        valueMax: null,
        qualifier: 'exact', // the default
        from: '2022',
        to: '2024',
        scope: { provisions: ['kg-cc-2020-art-100'], conflict: null, force: 'fixture-brigade', region: null },
        sentence: { kind: 'imprisonment', min: 5, max: 8, unit: 'years' },
        disputed: false,
        dispute: null,
        note: null,
        basis: 'official-statement', // the note's
        sources: [src('fixture-ministry-statement')], // the note's
      },
    ],
    penaltiesStated: [],
    basis: 'official-statement',
    sources: [src('fixture-ministry-statement')],
  });
  t.strictSame(await get('/v1/practice/none', 404), notFound('practice note', '/v1/practice/none'));
});

t.test('practice: filters by country and stance, pages, count, bad input', async (t) => {
  const ids = async (q: string) => (await get(`/v1/practice?${q}`)).data.map((n: { id: string }) => n.id);
  t.strictSame(await ids('country=KG'), ['kg-practice-convictions', RETURNEES.id]);
  t.strictSame(await ids('country=UZ'), ['uz-practice-warning']);
  t.strictSame(await ids('stance=prosecutes'), ['kg-practice-convictions']);
  t.strictSame(await ids('stance=rarely-prosecutes'), [RETURNEES.id]);
  t.strictSame(await ids('stance=does-not-prosecute'), []);
  t.strictSame(await ids('country=UZ&stance=prosecutes'), []);
  t.strictSame(await walk('/v1/practice?limit=1'), ['kg-practice-convictions', RETURNEES.id, 'uz-practice-warning']);
  const counted = await app.inject('/v1/practice?country=KG&count=true&limit=1');
  t.equal(counted.json().page.total, 2);
  t.equal(counted.headers['x-total-count'], '2');
  await expectBadParameters(t, app, [
    ['/v1/practice?stance=maybe', 'stance'],
    ['/v1/practice?country=XX', 'country'],
    ['/v1/practice?limit=201', 'limit'],
    ['/v1/practice?count=perhaps', 'count'],
    ['/v1/practice?shoe=1', 'shoe'],
  ]);
});

t.test('sources: every one by pages, citation counts, filters by kind, publisher and language', async (t) => {
  const all = allSources.map((s) => s.id).sort();
  t.strictSame(await walk('/v1/sources?limit=2'), all);
  const ru = await get('/v1/sources/fixture-ru-ngo');
  // Cited by the Fixture Brigade and by the first figure of the returnees note.
  t.strictSame(ru, { ...RU_NGO, note: null, citedBy: 2 });
  const ids = async (q: string) => (await get(`/v1/sources?${q}&limit=200`)).data.map((s: { id: string }) => s.id);
  t.strictSame(await ids('kind=media'), ['fixture-news-report']);
  t.strictSame(await ids('kind=ngo'), ['fixture-ngo-report', 'fixture-ru-ngo']);
  t.strictSame(await ids('kind=official-text'), ['fixture-code-kg', 'fixture-code-uz']);
  t.strictSame(await ids('language=ru'), ['fixture-ru-ngo']);
  t.strictSame(await ids('publisher=fixture%20rights%20centre'), ['fixture-ru-ngo'], 'case-insensitive');
  t.strictSame(await ids('publisher=Fixture'), [], 'exact, not a prefix');
  t.strictSame(await get('/v1/sources/none', 404), notFound('source', '/v1/sources/none'));
  await expectBadParameters(t, app, [
    ['/v1/sources?language=english', 'language'],
    ['/v1/sources?kind=blog', 'kind'],
    ['/v1/sources?cursor=zzz', 'cursor'],
  ]);
});

t.test('statements per request', async (t) => {
  const urls = [
    '/v1/conducts/recruitment',
    '/v1/forces/fixture-brigade',
    `/v1/practice/${RETURNEES.id}`,
    '/v1/practice?country=KG&stance=rarely-prosecutes',
    '/v1/sources/fixture-ru-ngo',
    '/v1/sources?kind=ngo',
  ];
  const measured: Record<string, number> = {};
  for (const url of urls) {
    await get(url);
    const before = app.database.statements();
    await get(url);
    measured[url] = app.database.statements() - before;
  }
  t.strictSame(measured, Object.fromEntries(urls.map((u) => [u, 1])));
});
