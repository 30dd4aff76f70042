// The citation resolver and lineage on the richer fixture (test/fixtures/richer.ts), with one more link in the
// concordance so that the lineage is followed through two steps: art. 155 of the 2017 Kyrgyz code -> art. 100 of the
// 2020 code -> art. 102 (said here to succeed art. 100). Every provision of data/ found by its citation is checked in
// test/data/answers/provisions.ts.
import t from 'tap';
import { parseCitation } from '../../src/queries/citations.js';
import { fixtureDataset } from '../fixtures/dataset.js';
import { richer } from '../fixtures/richer.js';
import { buildTestApp, expectBadParameters } from '../helper.js';

const dir = await fixtureDataset(t, (d) => {
  richer(d);
  d.kg.law.provisions!.find((p) => p.id === 'kg-cc-2020-art-102')!.successorOf = ['kg-cc-2020-art-100'];
});
const app = await buildTestApp(t, dir, { responseCacheMb: 0, revisionTtlMs: 3_600_000 });
const resolve = async (cite: string) => {
  const res = await app.inject(`/v1/resolve?cite=${encodeURIComponent(cite)}`);
  if (res.statusCode !== 200) throw new Error(`${cite}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const lineage = async (id: string) => (await app.inject(`/v1/provisions/${id}/lineage`)).json();

const KG_CC_2020 = { id: 'kg-cc-2020', title: 'Fixture Criminal Code of Kyrgyzstan' };
/** The provisions as citations and lineage name them: their span is their first version's start to the last's end. */
const LINKED = {
  kg155: {
    id: 'kg-cc-2017-art-155',
    country: 'KG',
    instrument: { id: 'kg-cc-2017', title: 'Fixture Criminal Code of Kyrgyzstan (2017)' },
    article: '155',
    heading: 'Participation in a foreign armed conflict (2017 code)',
    validFrom: '2017-01-01',
    validTo: '2020-01-01',
  },
  kg100: {
    id: 'kg-cc-2020-art-100',
    country: 'KG',
    instrument: KG_CC_2020,
    article: '100',
    heading: 'Participation in a foreign armed conflict',
    validFrom: '2020-01-01',
    validTo: null,
  },
  kg102: {
    id: 'kg-cc-2020-art-102',
    country: 'KG',
    instrument: KG_CC_2020,
    article: '102',
    heading: 'Fixture: service in a foreign army',
    validFrom: '2022-01-01',
    validTo: '2024-01-01',
  },
  kg30: {
    id: 'kg-cc-2020-art-30',
    country: 'KG',
    instrument: KG_CC_2020,
    article: '30',
    heading: 'Preparation and attempt',
    validFrom: null,
    validTo: null,
  },
  uz155: {
    id: 'uz-cc-1995-art-155',
    country: 'UZ',
    instrument: { id: 'uz-cc-1995', title: 'Fixture Criminal Code of Uzbekistan' },
    article: '155',
    heading: 'Participation in a foreign armed conflict',
    validFrom: '1995-04-01',
    validTo: null,
  },
};
const parsed = (article: string, part: string | null, country: string | null, year: number | null = null) => ({
  article,
  part,
  paragraph: null,
  country,
  year,
});

t.test('citations as people write them are parsed', async (t) => {
  t.strictSame(parseCitation('Art. 416(2) CC KG'), {
    article: '416',
    part: '2',
    paragraph: null,
    country: 'KG',
    year: null,
  });
  t.strictSame(parseCitation('article 375 of the 1997 Kyrgyz code'), {
    article: '375',
    part: null,
    paragraph: null,
    country: 'KG',
    year: 1997,
  });
  t.strictSame(parseCitation('ст. 154 УК РУз'), {
    article: '154',
    part: null,
    paragraph: null,
    country: 'UZ',
    year: null,
  });
  t.strictSame(parseCitation('ч. 2 ст. 172 УК РК'), {
    article: '172',
    part: '2',
    paragraph: null,
    country: 'KZ',
    year: null,
  });
  t.strictSame(parseCitation('статья 401-1 УК Таджикистана'), {
    article: '401-1',
    part: null,
    paragraph: null,
    country: 'TJ',
    year: null,
  });
  t.strictSame(parseCitation('154-modda 1-qism'), {
    article: '154',
    part: '1',
    paragraph: null,
    country: null,
    year: null,
  });
  t.equal(parseCitation('the law on mercenaries'), undefined);
});

t.test(
  'a citation with country and part: the article, whether the part exists, both ends of its lineage',
  async (t) => {
    t.strictSame(await resolve('Art. 100(1) CC KG'), {
      cite: 'Art. 100(1) CC KG',
      parsed: parsed('100', '1', 'KG'),
      ambiguous: false,
      candidates: [
        {
          provision: LINKED.kg100,
          part: '1',
          partExists: true,
          predecessors: [LINKED.kg155],
          successors: [LINKED.kg102],
        },
      ],
      note: null,
    });
    // Part 9 is in no version; a related article with no text read is cited without a part (partExists null).
    const wrongPart = await resolve('Art. 100(9) CC KG');
    t.strictSame(
      wrongPart.candidates.map((c: { part: string; partExists: boolean }) => [c.part, c.partExists]),
      [['9', false]],
    );
    t.strictSame((await resolve('Art. 30 CC KG')).candidates, [
      { provision: LINKED.kg30, part: null, partExists: null, predecessors: [], successors: [] },
    ]);
    // The successors are followed through both steps; the predecessors of the last through both back.
    t.strictSame((await resolve('ст. 155 УК КР')).candidates, [
      {
        provision: LINKED.kg155,
        part: null,
        partExists: null,
        predecessors: [],
        successors: [LINKED.kg100, LINKED.kg102],
      },
    ]);
    t.strictSame((await resolve('Art. 102(1) CC KG')).candidates[0].predecessors, [LINKED.kg155, LINKED.kg100]);
  },
);

t.test('without a country every article with that number is a candidate, oldest first; a year narrows', async (t) => {
  const both = await resolve('article 155');
  t.strictSame(
    {
      parsed: both.parsed,
      ambiguous: both.ambiguous,
      provisions: both.candidates.map((c: { provision: unknown }) => c.provision),
    },
    { parsed: parsed('155', null, null), ambiguous: true, provisions: [LINKED.uz155, LINKED.kg155] },
  );
  const one = await resolve('article 155 of the 2017 code');
  t.strictSame(
    {
      parsed: one.parsed,
      ambiguous: one.ambiguous,
      provisions: one.candidates.map((c: { provision: unknown }) => c.provision),
    },
    { parsed: parsed('155', null, null, 2017), ambiguous: false, provisions: [LINKED.kg155] },
  );
});

t.test('an article the dataset does not hold: no candidate, and a note; no article number: a 400', async (t) => {
  t.strictSame(await resolve('article 375 of the 1997 Kyrgyz code'), {
    cite: 'article 375 of the 1997 Kyrgyz code',
    parsed: parsed('375', null, 'KG', 1997),
    ambiguous: false,
    candidates: [],
    note: 'No article 375 of KG in a code of 1997 is in the dataset; it may exist but not concern foreign armed conflicts, or be a gap (see /v1/countries/{code}).',
  });
  t.strictSame((await resolve('Art. 100 CC UZ')).candidates, [], 'the number exists in another country only');
  await expectBadParameters(t, app, [
    ['/v1/resolve?cite=mercenaries', 'cite'],
    ['/v1/resolve?cite=', 'cite'],
    ['/v1/resolve', 'cite'],
  ]);
});

t.test('lineage follows the concordance both ways, transitively, oldest first', async (t) => {
  const chain = [
    { ...LINKED.kg155, relation: 'predecessor' },
    { ...LINKED.kg100, relation: 'predecessor' },
    { ...LINKED.kg102, relation: 'predecessor' },
  ];
  const ref = (l: { id: string; article: string; heading: string; instrument: unknown }) => ({
    id: l.id,
    article: l.article,
    heading: l.heading,
    instrument: l.instrument,
  });
  const as = (relations: string[]) => chain.map((c, i) => ({ ...c, relation: relations[i] }));
  t.strictSame(await lineage('kg-cc-2017-art-155'), {
    provision: ref(LINKED.kg155),
    chain: as(['self', 'successor', 'successor']),
  });
  t.strictSame(await lineage('kg-cc-2020-art-100'), {
    provision: ref(LINKED.kg100),
    chain: as(['predecessor', 'self', 'successor']),
  });
  t.strictSame(await lineage('kg-cc-2020-art-102'), {
    provision: ref(LINKED.kg102),
    chain: as(['predecessor', 'predecessor', 'self']),
  });
  t.strictSame(await lineage('uz-cc-1995-art-155'), {
    provision: ref(LINKED.uz155),
    chain: [{ ...LINKED.uz155, relation: 'self' }],
  });
  const none = await app.inject('/v1/provisions/none/lineage');
  t.equal(none.statusCode, 404);
  t.equal(none.json().type, '/problems/not-found');
});
