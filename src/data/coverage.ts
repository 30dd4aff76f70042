// What the dataset covers, per country and kind, and what it lists as missing: `npm run data:coverage` and /v1/meta.
import type { Dataset } from './load.js';

export interface CountryCoverage {
  country: string;
  provisions: number;
  /** Provisions whose latest version was read in the official text (not known from statements or reports). */
  provisionsFromOfficialText: number;
  cases: number;
  casesByBasis: Record<string, number>;
  casesWithSentence: number;
  practiceNotes: number;
  amnestyActs: number;
  gaps: { topic: string; note: string }[];
}

export interface Coverage {
  countries: CountryCoverage[];
  sourcesByKind: Record<string, number>;
}

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
