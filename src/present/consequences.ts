// The wording of the consequences answer: the sentences it composes (unknowns, caveats, sentences in words) and the
// summaries of sentence statistics, from what the rules decided. No SQL and no legal logic here.
import type { Consequences } from '../domain/consequences.js';
import type { Version } from '../domain/provisions.js';

export const CAVEATS = [
  'A reference compiled from public sources, not legal advice: consult a lawyer of the country concerned.',
  'The law in force on the date of the conduct applies, unless a later law is more lenient (see moreLenientLater).',
  'Where sources disagree on a penalty, every stated value is listed with its sources; the envelope is a summary, not a penalty any source states.',
  'Precedents are the rulings reported in public sources that the dataset holds, not a complete record.',
];

/** The median of `n` lengths from their lower and upper middle values (equal when n is odd; both come from SQL, which
 * aggregates the sentences), rounded to hundredths. */
export function medianOfMiddles(n: number, lo: number | null, hi: number | null): number | null {
  if (n === 0 || lo === null || hi === null) return null;
  return n % 2 ? lo : Math.round(((lo + hi) / 2) * 100) / 100;
}

export function sentenceWords(s: {
  kind: string;
  years: number | null;
  months: number | null;
  suspended: boolean;
  amount: number | null;
  unit: string | null;
}): string {
  const len = [
    s.years ? `${s.years} year${s.years === 1 ? '' : 's'}` : '',
    s.months ? `${s.months} month${s.months === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const what = s.kind.replaceAll('-', ' ');
  const body = len ? `${len} ${what}` : s.amount !== null ? `${what} of ${s.amount} ${s.unit ?? ''}`.trim() : what;
  return s.suspended ? `${body} (suspended)` : body;
}

/** A range in words: "5-10 years", "up to 8 years", "at least 7 years", "term not stated". */
export function rangeWords(min: number | null, max: number | null, unit: string | null): string {
  const u = unit ?? '';
  if (min !== null && max !== null) return min === max ? `${min} ${u}`.trim() : `${min}-${max} ${u}`.trim();
  if (max !== null) return `up to ${max} ${u}`.trim();
  if (min !== null) return `at least ${min} ${u}`.trim();
  return 'term not stated';
}

/** Each stated imprisonment term with its article and part, for the comparison row. */
export function compareAlternatives(groups: readonly Consequences['penalties'][number][]): string[] {
  return groups.flatMap((g) =>
    g.alternatives.map(
      (a) => `${a.provision.id} part ${a.part}: ${rangeWords(a.penalty.min, a.penalty.max, a.penalty.unit)}`,
    ),
  );
}

export interface UnknownsInput {
  country: string;
  date: string;
  conducts: string[];
  asked: string[];
  force: string | undefined;
  provisions: Consequences['provisions'];
  penalties: Consequences['penalties'];
  /** The country's articles that reach the conducts in some version, to say why none is in force on the date. */
  known: { id: string; versions: Version[] }[];
  practiceNotes: number;
  stance: string | null;
}

/** One thing the dataset does not know that bears on an answer, as data: the API words it in English (unknownsOf),
 * the pages in their language (src/pages/i18n). */
export type UnknownItem =
  | {
      kind: 'no-provision';
      country: string;
      date: string;
      conducts: string[];
      force: string | null;
      /** The country's articles reaching the conducts in some version, none in force on the date. */
      known: { id: string; from: string | null; to: string | null }[];
    }
  | { kind: 'uncertain-boundary'; provision: string; version: string; date: string; from: string; to: string | null }
  | { kind: 'text-unread'; provision: string; date: string; note: string | null }
  | { kind: 'not-official-text'; provision: string; basis: string }
  | {
      kind: 'lenient-unknown';
      provision: string;
      part: string;
      version: string;
      from: string;
      reason: 'text-unknown' | 'disputed' | 'no-term';
    }
  | { kind: 'penalties-unknown'; provision: string; part: string }
  | { kind: 'category-unknown'; provision: string; part: string }
  | {
      kind: 'sources-disagree';
      penalty: string;
      role: string;
      values: {
        min: number | null;
        max: number | null;
        unit: string | null;
        provision: string;
        part: string;
        publishers: string[];
      }[];
    }
  | { kind: 'practice-undocumented'; country: string }
  | { kind: 'no-stance'; country: string; notes: number };

/** What the dataset does not know that bears on the answer, as data, in the order the answer states it. */
export function unknownItemsOf(x: UnknownsInput): UnknownItem[] {
  const out: UnknownItem[] = [];
  if (x.provisions.length === 0) {
    out.push({
      kind: 'no-provision',
      country: x.country,
      date: x.date,
      conducts: x.asked,
      force: x.force ?? null,
      known: x.known.map((k) => ({
        id: k.id,
        from: k.versions[0]?.validFrom ?? null,
        to: k.versions.length ? (k.versions[k.versions.length - 1]!.validTo ?? null) : null,
      })),
    });
  }
  for (const p of x.provisions) {
    const provision = p.provision.id;
    if (p.inForce === 'possible')
      out.push({
        kind: 'uncertain-boundary',
        provision,
        version: p.version.id,
        date: x.date,
        from: p.version.validFrom,
        to: p.version.validTo ?? null,
      });
    if (!p.version.textKnown)
      out.push({ kind: 'text-unread', provision, date: x.date, note: p.version.textUnknown ?? null });
    else if (p.version.basis !== 'official-text')
      out.push({ kind: 'not-official-text', provision, basis: p.version.basis });
    for (const u of p.lenientUnknown)
      out.push({
        kind: 'lenient-unknown',
        provision,
        part: u.part,
        version: u.version,
        from: u.validFrom,
        reason: u.reason,
      });
    for (const part of p.parts) {
      if (part.penalties.length === 0) out.push({ kind: 'penalties-unknown', provision, part: part.part });
      if (part.category === null) out.push({ kind: 'category-unknown', provision, part: part.part });
    }
  }
  for (const g of x.penalties.filter((g) => g.disputed))
    out.push({
      kind: 'sources-disagree',
      penalty: g.kind,
      role: g.role,
      values: g.alternatives.map((a) => ({
        min: a.penalty.min,
        max: a.penalty.max,
        unit: a.penalty.unit,
        provision: a.provision.id,
        part: a.part,
        publishers: a.penalty.sources.map((s) => s.publisher),
      })),
    });
  if (x.practiceNotes === 0) out.push({ kind: 'practice-undocumented', country: x.country });
  else if (x.stance === null) out.push({ kind: 'no-stance', country: x.country, notes: x.practiceNotes });
  return out;
}

const LENIENT_WHY = {
  'text-unknown': 'its text was not read',
  disputed: 'sources disagree on a term',
  'no-term': 'a prison term is not stated',
};

/** One unknown in the API's English sentence. */
export function unknownInEnglish(u: UnknownItem): string {
  switch (u.kind) {
    case 'no-provision': {
      const what = [...u.conducts.map((c) => `conduct ${c}`), ...(u.force ? [`service in ${u.force}`] : [])].join(
        ' or ',
      );
      const spans = u.known.map((k) => (k.from !== null ? `${k.id} (in force ${k.from} to ${k.to ?? 'today'})` : k.id));
      return (
        `No provision in the dataset covers ${what} in ${u.country} on ${u.date}. This means the applicable law is unknown to this dataset, not that there is no penalty.` +
        (spans.length
          ? ` The dataset knows ${spans.join(', ')}, none in force on that date.`
          : ' The dataset holds no article of this country reaching these conducts.')
      );
    }
    case 'uncertain-boundary':
      return `${u.provision}: ${u.date} falls inside an uncertain boundary of version ${u.version} (${u.from} to ${u.to ?? 'today'}); it may or may not have been in force, so every candidate text is listed.`;
    case 'text-unread':
      return `${u.provision}: the text in force on ${u.date} was not read (${u.note}); the article was in force, its penalties are unknown.`;
    case 'not-official-text':
      return `${u.provision}: the official text was not read; its content is known from ${u.basis === 'official-statement' ? 'official statements' : 'reports'}.`;
    case 'lenient-unknown':
      return `${u.provision} part ${u.part}: whether the later text ${u.version} (from ${u.from}) is more lenient is unknown: ${LENIENT_WHY[u.reason]}.`;
    case 'penalties-unknown':
      return `${u.provision} part ${u.part}: penalties unknown.`;
    case 'category-unknown':
      return `${u.provision} part ${u.part}: crime category not stated in the sources read.`;
    case 'sources-disagree': {
      const values = u.values
        .map(
          (v) =>
            `${rangeWords(v.min, v.max, v.unit)} (${v.provision} part ${v.part}; ${v.publishers.join(', ') || 'version sources'})`,
        )
        .join('; ');
      return `Sources disagree on ${u.penalty.replaceAll('-', ' ')} (${u.role}): ${values}.`;
    }
    case 'practice-undocumented':
      return `The prosecution practice of ${u.country} is not documented in the dataset.`;
    case 'no-stance':
      return `The dataset holds ${u.notes} practice note(s) for ${u.country}, but none states a prosecution stance.`;
  }
}

/** What the dataset does not know that bears on the answer, in the API's English sentences. */
export function unknownsOf(x: UnknownsInput): string[] {
  return unknownItemsOf(x).map(unknownInEnglish);
}
