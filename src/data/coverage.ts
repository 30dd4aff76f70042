// What the dataset covers, per country and kind, and what it lists as missing: `npm run data:coverage` and /v1/meta.
import type { Coverage } from '../domain/meta.js';
import type { Dataset } from './load.js';

export type { Coverage };

const tally = (keys: string[]) => keys.reduce<Record<string, number>>((o, k) => ((o[k] = (o[k] ?? 0) + 1), o), {});

export function coverageOf(ds: Dataset): Coverage {
  return {
    countries: ds.countries.map((c) => ({
      country: c.country.country.code,
      provisions: c.law.provisions.length,
      provisionsFromOfficialText: c.law.provisions.filter((p) => p.versions.at(-1)?.basis === 'official-text').length,
      cases: c.cases.cases.length,
      casesByBasis: tally(c.cases.cases.map((k) => k.basis)),
      casesWithSentence: c.cases.cases.filter((k) => k.sentences.length > 0).length,
      practiceNotes: c.practice.practice.length,
      amnestyActs: c.law.instruments.filter((i) => i.kind === 'amnesty-act').length,
      gaps: c.country.gaps,
    })),
    sourcesByKind: tally(ds.sources.flatMap((f) => f.data.sources.map((s) => s.kind))),
  };
}
