// Examples for the OpenAPI document, taken from real records of data/ (trimmed); test/openapi.test.ts checks that
// each still parses with its schema.
const kyivIndependent = {
  id: 'kyivindependent-2024-06-24-kyrgyz-man-5-years',
  title: 'Kyrgyz man sentenced to 5 years in prison for fighting for Russia in Ukraine',
  publisher: 'The Kyiv Independent',
  url: 'https://kyivindependent.com/kyrgyz-man-sentenced-to-5-years-in-prison-for-fighting-for-russia-in-ukraine/',
  published: '2024-06-24',
  kind: 'media' as const,
};

const tmMinjust = {
  id: 'minjust-nd-tm-cc-2010-chapter-21',
  title:
    'Türkmenistanyň Jenaýat kodeksi: VIII bölüm, 21 bap. Parahatçylyga we adamzadyň howpsuzlygyna garşy jenaýatlar',
  publisher: 'Ministry of Justice of Turkmenistan (minjust.gov.tm)',
  url: 'http://minjust.gov.tm/tm/mmerkezi/doc_book_cc.php?book_cont_id=372',
  published: null,
  kind: 'official-text' as const,
};

export const sourceRefExample = kyivIndependent;

export const sourceExample = {
  ...kyivIndependent,
  retrieved: '2026-11-23',
  language: 'en',
  translation: null,
  translator: null,
  note: "By Nate Ostiller. Relays a report of RFE/RL's Kyrgyz service of 24 June 2024 citing court representatives.",
  citedBy: 8,
};

export const penaltyExample = {
  id: 'tm-cc-1997-art-169@2010-07-01#1#p1',
  kind: 'imprisonment' as const,
  min: 3,
  max: 8,
  unit: 'years' as const,
  role: 'main' as const,
  mandatory: null,
  disputed: false,
  disputeNote: null,
  context: null,
  basis: null,
  sources: [tmMinjust],
};

export const caseExample = {
  id: 'kg-2024-osh-unnamed',
  country: 'KG' as const,
  court: { name: null, level: 'first-instance' as const, place: 'Osh' },
  decided: {
    date: '2024-06-24',
    precision: 'day' as const,
    kind: 'reported' as const,
    note: null,
    reported: null,
    sentenceStart: null,
  },
  judge: null,
  defendant: { name: null, age: null, sex: 'male' as const, citizenships: ['KG'] },
  charges: [],
  conducts: ['armed-conflict-participation'],
  side: 'russia' as const,
  force: { id: 'russia-armed-forces', name: 'Armed Forces of the Russian Federation' },
  conflict: { id: 'russia-ukraine-war', name: "Russia's war against Ukraine" },
  outcome: 'convicted' as const,
  sentences: [
    {
      kind: 'imprisonment' as const,
      years: 5,
      months: 0,
      days: 0,
      totalMonths: 60,
      amount: null,
      unit: null,
      regime: null,
      suspended: false,
      probationMonths: null,
    },
  ],
  appeal: {
    status: 'filed' as const,
    note: "The convicted man appealed (court representatives, via RFE/RL's Kyrgyz service).",
  },
  events: [],
  disputes: [],
  summary:
    "A court in Osh sentenced an unnamed man to five years in prison for fighting for Russia in Ukraine, RFE/RL's Kyrgyz service reported on 24 June 2024 citing court representatives.",
  basis: 'reported' as const,
  sources: [kyivIndependent],
};

export const metaExample = {
  revision: '68cf73a1ef571e53',
  importedAt: '2026-11-23T10:37:48.461Z',
  counts: { countries: 5, instruments: 16, provisions: 12, cases: 68, practiceNotes: 53, sources: 265 },
  coverage: null,
  licence: { code: 'MIT', data: 'CC-BY-4.0' },
  apiVersion: '1.0.0',
  disclaimer: 'A reference compiled from public sources, not legal advice.',
};
