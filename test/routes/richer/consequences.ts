// The consequences query and the comparison on the richer fixture (test/fixtures/richer.ts): which version is in force
// on which day (boundaries, a repeal, a predecessor code), the more lenient later law, disputed penalties, precedents,
// the force question, CSV and bad input. The whole answers on the base fixture are in fixture.test.ts; what data/
// says is checked in test/data/answers/consequences.ts.
import t from 'tap';
import { datasetRevision } from '../../../src/data/revision.js';
import { SERVICE_CONDUCTS } from '../../../src/rules/law.js';
import { parseCsv } from '../../csv.js';
import { fixtureDataset, sourceRef } from '../../fixtures/dataset.js';
import { KG_MORE_CASES, UZ_DISPUTED_FINE, richer } from '../../fixtures/richer.js';
import { applicableOf, servedOf } from '../../fixtures/oracle.js';
import { buildTestApp, expectBadParameters } from '../../helper.js';
import { app, ds } from './app.js';

const revision = datasetRevision(ds);

const src = (id: string) => sourceRef(id);

const KG_CC_2020 = { id: 'kg-cc-2020', title: 'Fixture Criminal Code of Kyrgyzstan' };
const REF = {
  art100: {
    id: 'kg-cc-2020-art-100',
    article: '100',
    heading: 'Participation in a foreign armed conflict',
    instrument: KG_CC_2020,
  },
  art101: { id: 'kg-cc-2020-art-101', article: '101', heading: 'Mercenarism', instrument: KG_CC_2020 },
  art155kg: {
    id: 'kg-cc-2017-art-155',
    article: '155',
    heading: 'Participation in a foreign armed conflict (2017 code)',
    instrument: { id: 'kg-cc-2017', title: 'Fixture Criminal Code of Kyrgyzstan (2017)' },
  },
  art155uz: {
    id: 'uz-cc-1995-art-155',
    article: '155',
    heading: 'Participation in a foreign armed conflict',
    instrument: { id: 'uz-cc-1995', title: 'Fixture Criminal Code of Uzbekistan' },
  },
};

/** What the dataset says applies, by the rules on its YAML (test/fixtures/oracle.ts). */
const expected = (country: string, conducts: string[], date: string) => applicableOf(ds, country, conducts, date);
const served = servedOf;

const ask = async (country: string, query: string) => {
  const res = await app.inject(`/v1/countries/${country}/consequences?${query}`);
  if (res.statusCode !== 200) throw new Error(`${country} ${query}: ${res.statusCode} ${res.body}`);
  return { res, body: res.json() };
};

t.test('every country, conduct and date: the provisions in force, as the rules decide on the fixture', async (t) => {
  const dates = ['2016-06-01', '2019-06-01', '2021-06-01', '2022-06-01', '2023-06-01', '2024-06-01', '2025-06-01'];
  for (const country of ['KG', 'KZ', 'TJ', 'TM', 'UZ'])
    for (const conduct of ds.conducts.conducts.map((c) => c.code))
      for (const date of dates) {
        const { res, body } = await ask(country, `conduct=${conduct}&date=${date}`);
        const want = expected(country, [conduct], date);
        t.strictSame(served(body.provisions), want, `${country} ${conduct} ${date}`);
        t.equal(body.found, Object.keys(want).length > 0);
        t.equal(body.datasetRevision, revision);
        t.equal(res.headers['dataset-revision'], revision);
      }
});

t.test('the version in force on the days around each boundary (validTo is the first day of the next)', async (t) => {
  const cases: [string, string, string, Record<string, string[]>][] = [
    // Kyrgyz fighting abroad: nothing before the 2017 code, its art. 155 until 2020, then art. 100's two texts.
    ['KG', 'armed-conflict-participation', '2016-12-31', {}],
    ['KG', 'armed-conflict-participation', '2017-01-01', { 'kg-cc-2017-art-155@2017-01-01': ['1'] }],
    ['KG', 'armed-conflict-participation', '2019-12-31', { 'kg-cc-2017-art-155@2017-01-01': ['1'] }],
    ['KG', 'armed-conflict-participation', '2020-01-01', { 'kg-cc-2020-art-100@2020-01-01': ['1'] }],
    ['KG', 'armed-conflict-participation', '2021-12-31', { 'kg-cc-2020-art-100@2020-01-01': ['1'] }],
    ['KG', 'armed-conflict-participation', '2022-01-01', { 'kg-cc-2020-art-100@2022-01-01': ['1'] }],
    // Art. 102: added from 2022-01-01, amended 2023-01-01, repealed from 2024-01-01.
    ['KG', 'foreign-military-service', '2021-12-31', {}],
    ['KG', 'foreign-military-service', '2022-01-01', { 'kg-cc-2020-art-102@2022-01-01': ['1'] }],
    ['KG', 'foreign-military-service', '2023-01-01', { 'kg-cc-2020-art-102@2023-01-01': ['1'] }],
    ['KG', 'foreign-military-service', '2023-12-31', { 'kg-cc-2020-art-102@2023-01-01': ['1'] }],
    ['KG', 'foreign-military-service', '2024-01-01', {}],
    // Art. 101: recruitment is part 1 of each text; from 2025 the text was not read: the whole article.
    ['KG', 'recruitment', '2022-12-31', { 'kg-cc-2020-art-101@2020-01-01': ['1'] }],
    ['KG', 'recruitment', '2023-01-01', { 'kg-cc-2020-art-101@2023-01-01': ['1'] }],
    ['KG', 'recruitment', '2025-01-01', { 'kg-cc-2020-art-101@2025-01-01': ['*'] }],
    // Uzbek art. 154: the unread first text until 2021-06-01.
    ['UZ', 'mercenary-participation', '2021-05-31', { 'uz-cc-1995-art-154@1995-04-01': ['*'] }],
    ['UZ', 'mercenary-participation', '2021-06-01', { 'uz-cc-1995-art-154@2021-06-01': ['1'] }],
  ];
  for (const [country, conduct, date, want] of cases) {
    const { body } = await ask(country, `conduct=${conduct}&date=${date}`);
    t.strictSame(served(body.provisions), want, `${country} ${conduct} ${date}`);
    t.equal(body.date, date);
  }
});

t.test('nothing in force: the answer says the law is unknown, naming the articles known at other times', async (t) => {
  const none = (what: string, country: string, date: string) =>
    `No provision in the dataset covers ${what} in ${country} on ${date}. This means the applicable law is unknown to this dataset, not that there is no penalty.`;
  // Repealed: art. 102 is known, from its adding act to its repeal.
  const repealed = (await ask('KG', 'conduct=foreign-military-service&date=2024-06-01')).body;
  t.strictSame(
    {
      found: repealed.found,
      provisions: repealed.provisions,
      penalties: repealed.penalties,
      unknowns: repealed.unknowns,
    },
    {
      found: false,
      provisions: [],
      penalties: [],
      unknowns: [
        none('conduct foreign-military-service', 'KG', '2024-06-01') +
          ' The dataset knows kg-cc-2020-art-102 (in force 2022-01-01 to 2024-01-01), none in force on that date.',
      ],
    },
  );
  // Before the first code: both articles that ever reached the conduct are named.
  const early = (await ask('KG', 'conduct=armed-conflict-participation&date=2016-06-01')).body;
  t.strictSame(early.unknowns, [
    none('conduct armed-conflict-participation', 'KG', '2016-06-01') +
      ' The dataset knows kg-cc-2017-art-155 (in force 2017-01-01 to 2020-01-01), kg-cc-2020-art-100 (in force 2020-01-01 to today), none in force on that date.',
  ]);
  // A country of the service the fixture holds nothing for: no article, no practice, no gaps.
  const kz = (await ask('KZ', 'conduct=armed-conflict-participation&date=2024-06-01')).body;
  t.strictSame(
    {
      found: kz.found,
      provisions: kz.provisions,
      unknowns: kz.unknowns,
      gaps: kz.gaps,
      precedents: kz.precedents,
      practice: kz.practice,
    },
    {
      found: false,
      provisions: [],
      unknowns: [
        none('conduct armed-conflict-participation', 'KZ', '2024-06-01') +
          ' The dataset holds no article of this country reaching these conducts.',
        'The prosecution practice of KZ is not documented in the dataset.',
      ],
      gaps: [],
      precedents: { count: 0, byOutcome: [], sentences: [], recent: [] },
      practice: { stance: null, notes: [] },
    },
  );
});

/** The lex mitior fields and the unknowns of one provision's answer. */
const lenient = (body: {
  provisions: { provision: { id: string }; moreLenientLater: unknown; lenientUnknown: unknown }[];
  unknowns: string[];
}) => ({
  provisions: body.provisions.map((p) => ({
    id: p.provision.id,
    moreLenientLater: p.moreLenientLater,
    lenientUnknown: p.lenientUnknown,
  })),
  unknowns: body.unknowns,
});

t.test('the more lenient later law: successors and later versions compared, the undecided ones said', async (t) => {
  // 2019: art. 155 of the 2017 code (4-6 years); its successor art. 100 gave 3-5 from 2020 (more lenient), 5-8 from
  // 2022 (harsher: not listed, and comparable, so not undecided either).
  t.strictSame(lenient((await ask('KG', 'conduct=armed-conflict-participation&date=2019-06-01')).body), {
    provisions: [
      {
        id: 'kg-cc-2017-art-155',
        moreLenientLater: [
          {
            provision: REF.art100,
            version: 'kg-cc-2020-art-100@2020-01-01',
            validFrom: '2020-01-01',
            part: '1',
            note: 'maximum imprisonment lowered from 6 to 5 years',
          },
        ],
        lenientUnknown: [],
      },
    ],
    unknowns: [],
  });
  // 2022, recruitment: art. 101 part 1 (5-10); the 2023 text 3-10 (minimum lowered); the 2025 text unread.
  t.strictSame(lenient((await ask('KG', 'conduct=recruitment&date=2022-06-01')).body), {
    provisions: [
      {
        id: 'kg-cc-2020-art-101',
        moreLenientLater: [
          {
            provision: REF.art101,
            version: 'kg-cc-2020-art-101@2023-01-01',
            validFrom: '2023-01-01',
            part: '1',
            note: 'minimum imprisonment lowered from 5 to 3 years',
          },
        ],
        lenientUnknown: [
          {
            provision: REF.art101,
            version: 'kg-cc-2020-art-101@2025-01-01',
            validFrom: '2025-01-01',
            reason: 'text-unknown',
            part: '1',
          },
        ],
      },
    ],
    unknowns: [
      'kg-cc-2020-art-101 part 1: whether the later text kg-cc-2020-art-101@2025-01-01 (from 2025-01-01) is more lenient is unknown: its text was not read.',
    ],
  });
  // 2022, the mercenary: part 2 has two terms (7-12, 8-15), so the 2023 text (7-12) cannot be compared: disputed.
  t.strictSame(lenient((await ask('KG', 'conduct=mercenary-participation&date=2022-06-01')).body), {
    provisions: [
      {
        id: 'kg-cc-2020-art-101',
        moreLenientLater: [],
        lenientUnknown: [
          {
            provision: REF.art101,
            version: 'kg-cc-2020-art-101@2023-01-01',
            validFrom: '2023-01-01',
            reason: 'disputed',
            part: '2',
          },
          {
            provision: REF.art101,
            version: 'kg-cc-2020-art-101@2025-01-01',
            validFrom: '2025-01-01',
            reason: 'text-unknown',
            part: '2',
          },
        ],
      },
    ],
    unknowns: [
      'kg-cc-2020-art-101 part 2: whether the later text kg-cc-2020-art-101@2023-01-01 (from 2023-01-01) is more lenient is unknown: sources disagree on a term.',
      'kg-cc-2020-art-101 part 2: whether the later text kg-cc-2020-art-101@2025-01-01 (from 2025-01-01) is more lenient is unknown: its text was not read.',
      'Sources disagree on imprisonment (main): 7-12 years (kg-cc-2020-art-101 part 2; Fixture Press); 8-15 years (kg-cc-2020-art-101 part 2; Fixture Press).',
    ],
  });
  // The last text in force: nothing later.
  t.strictSame(lenient((await ask('KG', 'conduct=armed-conflict-participation&date=2024-06-01')).body), {
    provisions: [{ id: 'kg-cc-2020-art-100', moreLenientLater: [], lenientUnknown: [] }],
    unknowns: [],
  });
});

t.test(
  'a penalty the data marks as disputed: its own group, disputed, with its note; the term beside it not',
  async (t) => {
    const { body } = await ask('UZ', 'conduct=armed-conflict-participation&date=2024-01-01');
    const alternative = (penalty: object) => ({
      provision: REF.art155uz,
      version: 'uz-cc-1995-art-155@2021-06-01',
      part: '1',
      penalty,
    });
    t.strictSame(body.penalties, [
      {
        kind: 'imprisonment',
        role: 'main',
        unit: 'years',
        alternatives: [
          alternative({
            id: 'uz-cc-1995-art-155@2021-06-01#1#p1',
            kind: 'imprisonment',
            min: 3,
            max: 5,
            unit: 'years',
            role: 'main',
            mandatory: null,
            disputed: false,
            disputeNote: null,
            context: null,
            basis: null,
            sources: [src('fixture-code-uz')],
          }),
        ],
        disputed: false,
        envelope: { min: 3, max: 5 },
      },
      {
        kind: 'fine',
        role: 'alternative',
        unit: 'base-amounts',
        alternatives: [
          alternative({
            id: 'uz-cc-1995-art-155@2021-06-01#1#p2',
            kind: 'fine',
            min: 100,
            max: 200,
            unit: 'base-amounts',
            role: 'alternative',
            mandatory: null,
            disputed: true,
            disputeNote: UZ_DISPUTED_FINE.dispute,
            context: null,
            basis: 'reported',
            sources: [src('fixture-news-report')],
          }),
        ],
        disputed: true,
        envelope: { min: 100, max: 200 },
      },
    ]);
    t.strictSame(body.unknowns, [
      'Sources disagree on fine (alternative): 100-200 base-amounts (uz-cc-1995-art-155 part 1; Fixture Press).',
      'The dataset holds 1 practice note(s) for UZ, but none states a prosecution stance.',
    ]);
  },
);

t.test('precedents: every ruling under the article found, by outcome, the sentences summarised', async (t) => {
  // Art. 100: A.A. (6 years), B.B. (3 years suspended), D.D. (4 years, 2020), E.E. (acquitted); the recent ones newest
  // first; the sentence groups in the order the case ids first meet them (D.D.'s term, then B.B.'s suspended one).
  const { body } = await ask('KG', 'conduct=armed-conflict-participation&date=2023-06-01');
  t.strictSame(body.precedents, {
    count: 4,
    byOutcome: [
      { outcome: 'convicted', cases: 3 },
      { outcome: 'acquitted', cases: 1 },
    ],
    sentences: [
      {
        kind: 'imprisonment',
        suspended: false,
        count: 2,
        withLength: 2,
        minMonths: 48,
        medianMonths: 60,
        maxMonths: 72,
      },
      {
        kind: 'imprisonment',
        suspended: true,
        count: 1,
        withLength: 1,
        minMonths: 36,
        medianMonths: 36,
        maxMonths: 36,
      },
    ],
    recent: [
      {
        id: 'kg-2024-bishkek-aa',
        decided: { date: '2024-03-15' },
        court: { name: 'Fixture District Court', place: 'Bishkek' },
        outcome: 'convicted',
        sentence: '6 years imprisonment',
      },
      {
        id: 'kg-2023-osh-bb',
        decided: { date: '2023-09' },
        court: { name: null, place: 'Osh' },
        outcome: 'convicted',
        sentence: '3 years imprisonment (suspended)',
      },
      {
        id: 'kg-2022-talas-ee',
        decided: { date: '2022-02-10' },
        court: { name: null, place: 'Talas' },
        outcome: 'acquitted',
        sentence: null,
      },
      {
        id: 'kg-2020-naryn-dd',
        decided: { date: '2020' },
        court: { name: 'Fixture Naryn Court', place: 'Naryn' },
        outcome: 'convicted',
        sentence: '4 years imprisonment',
      },
    ],
  });
});

t.test('precedents: the five most recent rulings only, the count and sentences over all of them', async (t) => {
  // Two more rulings under art. 100 (G.G. 2021-06-01, 5 years; H.H. 2021-01, 5 years): six in all, D.D. (2020) the
  // oldest and left out of the recent ones.
  const more = (id: string, decided: string, name: string) => ({
    ...KG_MORE_CASES[0]!,
    id,
    decided,
    dateKind: 'decision' as const,
    dateNote: null,
    defendant: { name, citizenships: ['KG'] },
    sentences: [{ kind: 'imprisonment' as const, years: 5, suspended: false }],
    events: [],
    summary: `Fixture: ${name} was sentenced to 5 years.`,
  });
  const six = await buildTestApp(
    t,
    await fixtureDataset(t, (d) => {
      richer(d);
      d.kg.cases.cases!.push(
        more('kg-2021-naryn-gg', '2021-06-01', 'G.G.'),
        more('kg-2021-naryn-hh', '2021-01', 'H.H.'),
      );
    }),
  );
  const body = (
    await six.inject('/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2023-06-01')
  ).json();
  t.equal(body.precedents.count, 6);
  t.strictSame(
    body.precedents.recent.map((r: { id: string; decided: { date: string } }) => [r.id, r.decided.date]),
    [
      ['kg-2024-bishkek-aa', '2024-03-15'],
      ['kg-2023-osh-bb', '2023-09'],
      ['kg-2022-talas-ee', '2022-02-10'],
      ['kg-2021-naryn-gg', '2021-06-01'],
      ['kg-2021-naryn-hh', '2021-01'],
    ],
  );
  t.strictSame(body.precedents.sentences, [
    { kind: 'imprisonment', suspended: false, count: 4, withLength: 4, minMonths: 48, medianMonths: 60, maxMonths: 72 },
    { kind: 'imprisonment', suspended: true, count: 1, withLength: 1, minMonths: 36, medianMonths: 36, maxMonths: 36 },
  ]);
});

t.test("force in place of conduct: the conducts of serving in it, never the recruiters' part", async (t) => {
  const { body } = await ask('KG', 'force=fixture-legion&date=2023-06-01');
  t.equal(body.force.id, 'fixture-legion');
  t.strictSame(body.conducts, []);
  t.strictSame(body.conductsReached, SERVICE_CONDUCTS);
  // Art. 101 part 1 is recruiting: someone else's penalty; part 2 is the mercenary's own.
  t.strictSame(served(body.provisions), {
    'kg-cc-2020-art-100@2022-01-01': ['1'],
    'kg-cc-2020-art-101@2023-01-01': ['2'],
    'kg-cc-2020-art-102@2023-01-01': ['1'],
  });
  t.strictSame(
    body.provisions.map((p: { matchedBy: string[] }) => p.matchedBy),
    [['force:fixture-legion'], ['force:fixture-legion'], ['force:fixture-legion']],
  );
  t.strictSame(served(body.provisions), expected('KG', SERVICE_CONDUCTS, '2023-06-01'), 'the rules agree');
  t.strictSame(
    body.penalties.map((g: { kind: string; envelope: unknown; disputed: boolean }) => [g.kind, g.envelope, g.disputed]),
    [['imprisonment', { min: 2, max: 12 }, false]],
    'art. 100 5-8, art. 101 part 2 7-12, art. 102 2-4',
  );
});

t.test('bad questions are 400s naming the parameter; several conducts comma-separated', async (t) => {
  await expectBadParameters(t, app, [
    ['/v1/countries/KG/consequences', 'conduct'],
    ['/v1/countries/KG/consequences?conduct=flying', 'conduct'],
    ['/v1/countries/KG/consequences?conduct=recruitment&date=2024-02-31', 'date'],
    ['/v1/countries/KG/consequences?conduct=recruitment&date=2024-06', 'date'],
    ['/v1/countries/KG/consequences?force=nobody', 'force'],
    ['/v1/countries/XX/consequences?conduct=recruitment', 'code'],
    ['/v1/compare?conduct=recruitment&date=yesterday', 'date'],
    ['/v1/compare?conduct=flying', 'conduct'],
  ]);
  const two = (await ask('KG', 'conduct=recruitment,armed-conflict-participation&date=2024-06-01')).body;
  t.strictSame(two.conducts, ['recruitment', 'armed-conflict-participation']);
  t.strictSame(served(two.provisions), {
    'kg-cc-2020-art-100@2022-01-01': ['1'],
    'kg-cc-2020-art-101@2023-01-01': ['1'],
  });
});

t.test('compare: one row per country, the figures of each consequences answer, JSON and CSV alike', async (t) => {
  const q = 'conduct=mercenary-participation&date=2024-06-01';
  const none = {
    found: false,
    articles: [],
    inForce: null,
    imprisonmentMin: null,
    imprisonmentMax: null,
    imprisonmentUnit: null,
    imprisonmentAlternatives: [],
    penaltyKnown: false,
    penaltyKinds: [],
    disputed: false,
    exemption: false,
    stance: null,
    rulings: 0,
  };
  // KG: art. 101 part 2 (2023 text, 7-12, one value); F.F. is charged under art. 101. UZ: art. 154 part 1, C.C.
  const rows = [
    {
      country: 'KG',
      found: true,
      articles: ['kg-cc-2020-art-101 part 2'],
      inForce: 'certain',
      imprisonmentMin: 7,
      imprisonmentMax: 12,
      imprisonmentUnit: 'years',
      imprisonmentAlternatives: ['kg-cc-2020-art-101 part 2: 7-12 years'],
      penaltyKnown: true,
      penaltyKinds: ['imprisonment'],
      disputed: false,
      exemption: false,
      stance: 'prosecutes',
      rulings: 1,
    },
    { country: 'KZ', ...none },
    { country: 'TJ', ...none },
    { country: 'TM', ...none },
    {
      country: 'UZ',
      found: true,
      articles: ['uz-cc-1995-art-154 part 1'],
      inForce: 'certain',
      imprisonmentMin: 5,
      imprisonmentMax: 10,
      imprisonmentUnit: 'years',
      imprisonmentAlternatives: ['uz-cc-1995-art-154 part 1: 5-10 years'],
      penaltyKnown: true,
      penaltyKinds: ['imprisonment'],
      disputed: false,
      exemption: false,
      stance: null,
      rulings: 1,
    },
  ];
  const json = (await app.inject(`/v1/compare?${q}`)).json();
  t.strictSame(json, {
    date: '2024-06-01',
    conducts: ['mercenary-participation'],
    force: null,
    datasetRevision: revision,
    data: rows,
  });
  for (const row of json.data) {
    const one = (await ask(row.country, q)).body;
    t.strictSame(
      [row.found, row.rulings, row.exemption, row.stance],
      [one.found, one.precedents.count, one.exemptionAvailable, one.practice.stance],
      `${row.country}: as its consequences answer`,
    );
  }
  // CSV: lists joined with " | ", null an empty cell, never an "unknown" string.
  const cell = (v: unknown) => (v === null ? '' : Array.isArray(v) ? v.join(' | ') : String(v));
  const csv = parseCsv((await app.inject(`/v1/compare.csv?${q}`)).body);
  t.strictSame(
    csv,
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)]))),
  );
  t.strictSame(csv[3], {
    country: 'TM',
    found: 'false',
    articles: '',
    inForce: '',
    imprisonmentMin: '',
    imprisonmentMax: '',
    imprisonmentUnit: '',
    imprisonmentAlternatives: '',
    penaltyKnown: 'false',
    penaltyKinds: '',
    disputed: 'false',
    exemption: 'false',
    stance: '',
    rulings: '0',
  });
  t.strictSame(parseCsv((await app.inject(`/v1/compare?${q}&format=csv`)).body), csv, 'format=csv is the same');
});

t.test('statements per request: two for an answer and for the comparison', async (t) => {
  for (const url of [
    '/v1/countries/KG/consequences?conduct=mercenary-participation&date=2022-06-01',
    '/v1/countries/KG/consequences?force=fixture-legion&date=2023-06-01',
    '/v1/compare?conduct=mercenary-participation&date=2024-06-01',
  ]) {
    t.equal((await app.inject(url)).statusCode, 200, url);
    const before = app.database.statements();
    t.equal((await app.inject(url)).statusCode, 200, url);
    t.equal(app.database.statements() - before, 2, url);
  }
});
