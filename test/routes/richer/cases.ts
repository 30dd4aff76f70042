// The case list and case records on the richer fixture (test/fixtures/richer.ts): six rulings, five Kyrgyz and one
// Uzbek, with every kind of date (decision, reported, inferred, not-after; day, month and year precision), several
// outcomes and sentences (prison, suspended, a fine) and an event. Paging both ways, each filter, a whole record, bad
// input. Whole answers of the base fixture are in fixture.test.ts; the real data/ in test/data/answers/cases.ts.
import t from 'tap';
import { sourceRef } from '../../fixtures/dataset.js';
import { KG_MORE_CASES } from '../../fixtures/richer.js';
import { expectBadParameters } from '../../helper.js';
import { app } from './app.js';

const src = (id: string) => sourceRef(id);
const get = async (url: string) => {
  const res = await app.inject(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return { res, body: res.json() };
};
const ids = async (url: string) => (await get(url)).body.data.map((c: { id: string }) => c.id);

// The six rulings by date, newest first (a month or a year sorts as its first day):
const F = 'kg-2024-osh-ff'; //      2024-07     reported   convicted, fined; recruitment under art. 101
const A = 'kg-2024-bishkek-aa'; //  2024-03-15  decision   convicted, 6 years; fixture-legion
const B = 'kg-2023-osh-bb'; //      2023-09     reported   convicted, 3 years suspended; arts. 100 and 30
const C = 'uz-2022-tashkent-cc'; // 2022-11     not-after  outcome not reported; fixture-legion
const E = 'kg-2022-talas-ee'; //    2022-02-10  decision   acquitted
const D = 'kg-2020-naryn-dd'; //    2020        inferred   convicted, 4 years; fixture-legion; an amnesty event

t.test('walking every page returns each case exactly once, in date order both ways', async (t) => {
  for (const [sort, order] of [
    ['-decided', [F, A, B, C, E, D]],
    ['decided', [D, E, C, B, A, F]],
  ] as const) {
    const pages: string[][] = [];
    let url: string | null = `/v1/cases?limit=4&sort=${sort}`;
    while (url) {
      const { res, body } = await get(url);
      pages.push(body.data.map((c: { id: string }) => c.id));
      const link = res.headers.link as string | undefined;
      t.equal(link === undefined, body.page.next === null, `${sort}: a Link header exactly when there is a next page`);
      url = link ? link.match(/<([^>]+)>/)![1]! : null;
    }
    t.strictSame(pages, [order.slice(0, 4), order.slice(4)], sort);
  }
  t.strictSame(await ids('/v1/cases'), [F, A, B, C, E, D], 'newest first by default');
  const counted = await get('/v1/cases?country=KG&limit=2&count=true');
  t.strictSame(counted.body.page.total, 5);
  t.equal(counted.res.headers['x-total-count'], '5');
});

t.test('each filter, alone and combined', async (t) => {
  const expected: [string, string[]][] = [
    ['country=KG', [F, A, B, E, D]],
    ['country=uz', [C]],
    ['provision=kg-cc-2020-art-100', [A, B, E, D]],
    ['provision=kg-cc-2020-art-30', [B]],
    ['provision=kg-cc-2020-art-101', [F]],
    ['conduct=recruitment', [F]],
    ['conduct=mercenary-participation', [C]],
    ['outcome=convicted', [F, A, B, D]],
    ['outcome=acquitted', [E]],
    ['force=fixture-legion', [A, C, D]],
    ['side=other', [A, C, D]],
    ['dateKind=decision', [A, E]],
    ['dateKind=reported', [F, B]],
    ['dateKind=inferred', [D]],
    ['dateKind=not-after', [C]],
    ['decidedFrom=2024&decidedTo=2024', [F, A]],
    ['decidedFrom=2022-02&decidedTo=2022-11', [C, E]],
    ['decidedTo=2021', [D]],
    ['decidedFrom=2024-04', [F]],
    ['sentenceKind=fine', [F]],
    ['sentenceKind=imprisonment', [A, B, D]],
    ['sentenceKind=imprisonment&sentenceMinYears=4', [A, D]],
    ['sentenceKind=imprisonment&sentenceMaxYears=4', [B, D]],
    ['place=Osh', [F, B]],
    ['country=KG&outcome=convicted&force=fixture-legion', [A, D]],
  ];
  for (const [query, want] of expected) t.strictSame(await ids(`/v1/cases?${query}`), want, query);
  // How each date is known, with the note that says how it was worked out.
  const dates = (await get('/v1/cases')).body.data.map((c: { id: string; decided: object }) => [c.id, c.decided]);
  const decided = (date: string, precision: string, kind: string, note: string | null = null) => ({
    date,
    precision,
    kind,
    note,
    reported: null,
    sentenceStart: null,
  });
  t.strictSame(dates, [
    [F, decided('2024-07', 'month', 'reported')],
    [A, decided('2024-03-15', 'day', 'decision')],
    [B, decided('2023-09', 'month', 'reported')],
    [C, decided('2022-11', 'month', 'not-after', 'Fixture: the report of November 2022 gives no date for the ruling.')],
    [E, decided('2022-02-10', 'day', 'decision')],
    [D, decided('2020', 'year', 'inferred', KG_MORE_CASES[0]!.dateNote!)],
  ]);
});

t.test('a case as the data gives it: a year-only inferred date, a prison term, an event', async (t) => {
  t.strictSame((await get(`/v1/cases/${D}`)).body, {
    id: D,
    country: 'KG',
    court: { name: 'Fixture Naryn Court', level: 'first-instance', place: 'Naryn' },
    decided: {
      date: '2020',
      precision: 'year',
      kind: 'inferred',
      note: 'Fixture: the report of 2021 says the trial took place the year before.',
      reported: null,
      sentenceStart: null,
    },
    judge: null,
    defendant: { name: 'D.D.', age: 41, sex: 'male', citizenships: ['KG'] },
    charges: [
      {
        id: `${D}#kg-cc-2020-art-100#1`,
        provision: {
          id: 'kg-cc-2020-art-100',
          article: '100',
          heading: 'Participation in a foreign armed conflict',
          instrument: { id: 'kg-cc-2020', title: 'Fixture Criminal Code of Kyrgyzstan' },
        },
        part: '1',
        scope: 'core',
        note: null,
      },
    ],
    conducts: ['armed-conflict-participation'],
    side: 'other',
    force: { id: 'fixture-legion', name: 'Fixture Legion' },
    conflict: { id: 'fixture-war', name: 'Fixture War' },
    outcome: 'convicted',
    sentences: [
      {
        kind: 'imprisonment',
        years: 4,
        months: 0,
        days: 0,
        totalMonths: 48,
        amount: null,
        unit: null,
        regime: null,
        suspended: false,
        probationMonths: null,
      },
    ],
    appeal: null,
    events: [
      {
        date: '2023-05',
        kind: 'amnesty',
        note: 'Fixture: released under the 2023 amnesty.',
        sources: [src('fixture-news-report')],
      },
    ],
    disputes: [],
    summary: 'Fixture: D.D. fought for the Fixture Legion, was sentenced to 4 years and released under the amnesty.',
    basis: 'reported',
    sources: [src('fixture-news-report')],
  });
  // A fine: an amount in its unit, no length in months.
  t.strictSame((await get(`/v1/cases/${F}`)).body.sentences, [
    {
      kind: 'fine',
      years: null,
      months: null,
      days: null,
      totalMonths: null,
      amount: 1000,
      unit: 'calculation-indices',
      regime: null,
      suspended: false,
      probationMonths: null,
    },
  ]);
  // Acquitted: no sentence, the court's name not reported.
  const e = (await get(`/v1/cases/${E}`)).body;
  t.strictSame(
    [e.outcome, e.sentences, e.court, e.defendant],
    [
      'acquitted',
      [],
      { name: null, level: 'first-instance', place: 'Talas' },
      { name: 'E.E.', age: null, sex: null, citizenships: ['KG'] },
    ],
  );
});

t.test('bad parameters are 400 problems naming the parameter, with no stack trace', async (t) => {
  const cases: [string, string][] = [
    ['/v1/cases?limit=0', 'limit'],
    ['/v1/cases?limit=201', 'limit'],
    ['/v1/cases?limit=abc', 'limit'],
    ['/v1/cases?country=XX', 'country'],
    ['/v1/cases?outcome=hanged', 'outcome'],
    ['/v1/cases?decidedFrom=2024-13', 'decidedFrom'],
    ['/v1/cases?decidedTo=yesterday', 'decidedTo'],
    ['/v1/cases?sort=name', 'sort'],
    ['/v1/cases?bogus=1', 'bogus'],
    ['/v1/cases?cursor=not-a-cursor', 'cursor'],
    ['/v1/cases?conduct=flying', 'conduct'],
    ['/v1/cases?provision=kg-cc-2021-art-999', 'provision'],
    ['/v1/cases?force=nobody', 'force'],
    ['/v1/cases?dateKind=guessed', 'dateKind'],
    ['/v1/cases?sentenceKind=flogging', 'sentenceKind'],
    ['/v1/cases?sentenceMinYears=101', 'sentenceMinYears'],
    ['/v1/cases?count=maybe', 'count'],
  ];
  await expectBadParameters(t, app, cases);
  for (const [url] of cases) {
    const res = await app.inject(url);
    t.match(res.headers['content-type'], /^application\/problem\+json/, url);
    t.strictSame([res.json().status, res.json().type], [400, '/problems/invalid-parameter'], url);
    t.notMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
  }
});

t.test('an unknown case id is a 404 problem naming it', async (t) => {
  const res = await app.inject('/v1/cases/kg-1999-nowhere-xx');
  t.equal(res.statusCode, 404);
  t.equal(res.json().type, '/problems/not-found');
  t.equal(res.json().detail, 'no case has the id kg-1999-nowhere-xx');
});

t.test('statements per request: one for a filtered page, a counted page, a record', async (t) => {
  for (const url of [
    '/v1/cases?country=KG&outcome=convicted&force=fixture-legion',
    '/v1/cases?sentenceKind=imprisonment&sentenceMinYears=4&decidedFrom=2020',
    '/v1/cases?country=KG&limit=2&count=true',
    `/v1/cases/${D}`,
  ]) {
    t.equal((await app.inject(url)).statusCode, 200, url);
    const before = app.database.statements();
    t.equal((await app.inject(url)).statusCode, 200, url);
    t.equal(app.database.statements() - before, 1, url);
  }
});
