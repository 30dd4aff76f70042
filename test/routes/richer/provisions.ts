// Provisions, their versions and the instruments, on the richer fixture (test/fixtures/richer.ts): the version in
// force on a date (an article added by an amending act and repealed, an unread text), the list's filters and pages,
// the concordance (successorOf / succeededBy, replaces / replacedBy), a penalty the data marks as disputed, and bad
// input. Whole answers of the base fixture are in fixture.test.ts; the real data/ in test/data/answers/provisions.ts.
import t from 'tap';
import { sourceRef } from '../../fixtures/dataset.js';
import { UZ_DISPUTED_FINE } from '../../fixtures/richer.js';
import { expectBadParameters } from '../../helper.js';
import { app } from './app.js';

const src = (id: string) => sourceRef(id);
const get = async (url: string) => {
  const res = await app.inject(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const ids = (body: { data: { id: string }[] }) => body.data.map((x) => x.id);
const day = (d: string) => ({ earliest: d, latest: d });

/** A version of art. 102 (richer.ts): one part, foreign military service, min-max years. */
const art102Version = (from: string, to: string, amendedBy: string | null, min: number, max: number) => ({
  id: `kg-cc-2020-art-102@${from}`,
  validFrom: from,
  validTo: to,
  from: day(from),
  to: day(to),
  amendedBy,
  basis: 'official-text',
  textKnown: true,
  textUnknown: null,
  note: null,
  sources: [src('fixture-code-kg')],
  parts: [
    {
      part: '1',
      elements: 'Fixture: serving in the armed forces of another state.',
      excerpt: null,
      category: 'less-grave',
      conducts: ['foreign-military-service'],
      penalties: [
        {
          id: `kg-cc-2020-art-102@${from}#1#p1`,
          kind: 'imprisonment',
          min,
          max,
          unit: 'years',
          role: 'main',
          mandatory: null,
          disputed: false,
          disputeNote: null,
          context: null,
          basis: null,
          sources: [src('fixture-code-kg')],
        },
      ],
    },
  ],
  exemptions: [],
});
const ART_102_V1 = art102Version('2022-01-01', '2023-01-01', null, 1, 3);
const ART_102_V2 = art102Version('2023-01-01', '2024-01-01', 'kg-law-2022-amendment', 2, 4);

t.test('the version in force on a date: none before the article was added, none after its repeal', async (t) => {
  const url = '/v1/provisions/kg-cc-2020-art-102/versions';
  t.strictSame(await get(url), { data: [ART_102_V1, ART_102_V2] });
  t.strictSame(await get(`${url}?date=2021-12-31`), { data: [] });
  t.strictSame(await get(`${url}?date=2022-01-01`), { data: [ART_102_V1] });
  t.strictSame(await get(`${url}?date=2022-12-31`), { data: [ART_102_V1] });
  t.strictSame(await get(`${url}?date=2023-01-01`), { data: [ART_102_V2] });
  t.strictSame(await get(`${url}?date=2024-01-01`), { data: [] });
  // The unread 2025 text of art. 101: no parts, textKnown false, the reason given.
  t.strictSame(await get('/v1/provisions/kg-cc-2020-art-101/versions?date=2025-06-01'), {
    data: [
      {
        id: 'kg-cc-2020-art-101@2025-01-01',
        validFrom: '2025-01-01',
        validTo: null,
        from: day('2025-01-01'),
        to: null,
        amendedBy: null,
        basis: 'reported',
        textKnown: false,
        textUnknown: 'Fixture: the 2025 text was not read.',
        note: null,
        sources: [src('fixture-news-report')],
        parts: [],
        exemptions: [],
      },
    ],
  });
});

t.test('an article added by an amending act and repealed: the whole answer', async (t) => {
  t.strictSame(await get('/v1/provisions/kg-cc-2020-art-102'), {
    id: 'kg-cc-2020-art-102',
    country: 'KG',
    instrument: { id: 'kg-cc-2020', title: 'Fixture Criminal Code of Kyrgyzstan' },
    article: '102',
    heading: 'Fixture: service in a foreign army',
    headingOriginal: null,
    successorOf: [],
    succeededBy: [],
    scope: 'core',
    addedBy: 'kg-law-2022-amendment',
    repealedBy: 'kg-law-2024-repeal',
    conducts: ['foreign-military-service'],
    caseCount: 0,
    versions: [ART_102_V1, ART_102_V2],
  });
});

/** The list entry of art. 155 of the 2017 code and of art. 102 (richer.ts). */
const ART_155_KG = {
  id: 'kg-cc-2017-art-155',
  country: 'KG',
  instrument: { id: 'kg-cc-2017', title: 'Fixture Criminal Code of Kyrgyzstan (2017)' },
  article: '155',
  heading: 'Participation in a foreign armed conflict (2017 code)',
  headingOriginal: null,
  successorOf: [],
  succeededBy: ['kg-cc-2020-art-100'],
  scope: 'core',
  addedBy: null,
  repealedBy: null,
  conducts: ['armed-conflict-participation'],
  validFrom: '2017-01-01',
  validTo: '2020-01-01',
  caseCount: 0,
};
const ART_102 = {
  id: 'kg-cc-2020-art-102',
  country: 'KG',
  instrument: { id: 'kg-cc-2020', title: 'Fixture Criminal Code of Kyrgyzstan' },
  article: '102',
  heading: 'Fixture: service in a foreign army',
  headingOriginal: null,
  successorOf: [],
  succeededBy: [],
  scope: 'core',
  addedBy: 'kg-law-2022-amendment',
  repealedBy: 'kg-law-2024-repeal',
  conducts: ['foreign-military-service'],
  validFrom: '2022-01-01',
  validTo: '2024-01-01',
  caseCount: 0,
};

t.test('list filters: country, instrument, conduct, date; whole entries', async (t) => {
  t.strictSame(ids(await get('/v1/provisions?country=uz')), ['uz-cc-1995-art-154', 'uz-cc-1995-art-155']);
  t.strictSame(await get('/v1/provisions?instrument=kg-cc-2017'), {
    data: [ART_155_KG],
    page: { limit: 50, next: null },
  });
  t.strictSame(await get('/v1/provisions?conduct=foreign-military-service'), {
    data: [ART_102],
    page: { limit: 50, next: null },
  });
  t.strictSame(ids(await get('/v1/provisions?conduct=mercenary-participation')), [
    'kg-cc-2020-art-101',
    'uz-cc-1995-art-154',
  ]);
  // In force on the date: the 2017 code's article and both Uzbek ones in 2019; art. 102 only in 2022-2023.
  t.strictSame(ids(await get('/v1/provisions?date=2019-06-01')), [
    'kg-cc-2017-art-155',
    'uz-cc-1995-art-154',
    'uz-cc-1995-art-155',
  ]);
  t.strictSame(ids(await get('/v1/provisions?date=2023-06-01&country=KG')), [
    'kg-cc-2020-art-100',
    'kg-cc-2020-art-101',
    'kg-cc-2020-art-102',
  ]);
  t.strictSame(ids(await get('/v1/provisions?date=2024-06-01&country=KG')), [
    'kg-cc-2020-art-100',
    'kg-cc-2020-art-101',
  ]);
  t.strictSame(await get('/v1/provisions?date=1990-01-01'), { data: [], page: { limit: 50, next: null } });
  t.strictSame(ids(await get('/v1/provisions?country=KG&instrument=uz-cc-1995')), [], 'filters combine');
});

t.test('pages of 2 walk every provision once, in id order, with a Link to the next', async (t) => {
  const seen: string[][] = [];
  let url: string | null = '/v1/provisions?limit=2';
  while (url) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 200);
    const body = res.json();
    seen.push(ids(body));
    const link = res.headers.link as string | undefined;
    t.equal(link === undefined, body.page.next === null, 'a Link header exactly when there is a next page');
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  t.strictSame(seen, [
    ['kg-cc-2017-art-155', 'kg-cc-2020-art-100'],
    ['kg-cc-2020-art-101', 'kg-cc-2020-art-102'],
    ['kg-cc-2020-art-30', 'uz-cc-1995-art-154'],
    ['uz-cc-1995-art-155'],
  ]);
});

t.test(
  'a penalty the data marks as disputed is served disputed with its note; the term beside it is not',
  async (t) => {
    const body = await get('/v1/provisions/uz-cc-1995-art-155');
    t.strictSame(body.versions[1].parts[0].penalties, [
      {
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
      },
      {
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
      },
    ]);
    // The first text, 3 years at most, stands alone: not disputed.
    t.strictSame(
      body.versions[0].parts[0].penalties.map((p: { disputed: boolean }) => p.disputed),
      [false],
    );
  },
);

t.test('instruments: replaces and replacedBy are each other’s inverse; kind and country filter', async (t) => {
  t.strictSame(await get('/v1/instruments/kg-cc-2017'), {
    id: 'kg-cc-2017',
    country: 'KG',
    kind: 'criminal-code',
    title: 'Fixture Criminal Code of Kyrgyzstan (2017)',
    titleOriginal: null,
    number: null,
    adopted: '2016-02-01',
    signed: null,
    published: null,
    inForceFrom: '2017-01-01',
    inForceTo: '2020-01-01',
    datesNote: null,
    officialUrl: null,
    replaces: null,
    replacedBy: ['kg-cc-2020'],
    summary: null,
    provisionCount: 1,
    basis: 'official-text',
    sources: [src('fixture-code-kg')],
  });
  const kg2020 = await get('/v1/instruments/kg-cc-2020');
  t.strictSame([kg2020.replaces, kg2020.replacedBy, kg2020.provisionCount], ['kg-cc-2017', [], 4]);
  t.strictSame(ids(await get('/v1/instruments')), [
    'kg-amnesty-2023',
    'kg-cc-2017',
    'kg-cc-2020',
    'kg-law-2022-amendment',
    'kg-law-2024-repeal',
    'uz-cc-1995',
    'uz-law-2021-amendment',
  ]);
  t.strictSame(ids(await get('/v1/instruments?kind=criminal-code')), ['kg-cc-2017', 'kg-cc-2020', 'uz-cc-1995']);
  t.strictSame(ids(await get('/v1/instruments?country=UZ&kind=law')), ['uz-law-2021-amendment']);
});

t.test('unknown ids are 404 problems; bad parameters 400s naming the parameter', async (t) => {
  for (const url of [
    '/v1/provisions/kg-cc-2020-art-999',
    '/v1/provisions/kg-cc-2020-art-999/versions',
    '/v1/instruments/xx-cc-1900',
  ]) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 404, url);
    t.equal(res.json().type, '/problems/not-found', url);
  }
  await expectBadParameters(t, app, [
    ['/v1/provisions?date=2024-02-30', 'date'],
    ['/v1/provisions?instrument=kg-cc-1066', 'instrument'],
    ['/v1/provisions?country=XX', 'country'],
    ['/v1/provisions?limit=0', 'limit'],
    ['/v1/provisions?cursor=not-a-cursor', 'cursor'],
    ['/v1/provisions?bogus=1', 'bogus'],
    ['/v1/provisions/kg-cc-2020-art-100/versions?date=2024-13-01', 'date'],
    ['/v1/instruments?kind=poem', 'kind'],
  ]);
});

t.test('statements per request: one for a filtered list, a version on a date, an instrument', async (t) => {
  for (const url of [
    '/v1/provisions?date=2023-06-01&country=KG',
    '/v1/provisions?conduct=mercenary-participation&limit=1',
    '/v1/provisions/kg-cc-2020-art-102/versions?date=2023-06-01',
    '/v1/instruments/kg-cc-2017',
  ]) {
    t.equal((await app.inject(url)).statusCode, 200, url);
    const before = app.database.statements();
    t.equal((await app.inject(url)).statusCode, 200, url);
    t.equal(app.database.statements() - before, 1, url);
  }
});
