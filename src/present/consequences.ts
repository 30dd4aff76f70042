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

/** What the dataset does not know that bears on the answer, in sentences. */
export function unknownsOf(x: UnknownsInput): string[] {
  const out: string[] = [];
  const what = [...x.asked.map((c) => `conduct ${c}`), ...(x.force ? [`service in ${x.force}`] : [])].join(' or ');
  if (x.provisions.length === 0) {
    const spans = x.known.map((k) => {
      const first = k.versions[0];
      const last = k.versions[k.versions.length - 1];
      return first ? `${k.id} (in force ${first.validFrom} to ${last?.validTo ?? 'today'})` : k.id;
    });
    out.push(
      `No provision in the dataset covers ${what} in ${x.country} on ${x.date}. This means the applicable law is unknown to this dataset, not that there is no penalty.` +
        (spans.length
          ? ` The dataset knows ${spans.join(', ')}, none in force on that date.`
          : ' The dataset holds no article of this country reaching these conducts.'),
    );
  }
  for (const p of x.provisions) {
    const id = p.provision.id;
    if (p.inForce === 'possible') {
      out.push(
        `${id}: ${x.date} falls inside an uncertain boundary of version ${p.version.id} (${p.version.validFrom} to ${p.version.validTo ?? 'today'}); it may or may not have been in force, so every candidate text is listed.`,
      );
    }
    if (!p.version.textKnown) {
      out.push(
        `${id}: the text in force on ${x.date} was not read (${p.version.textUnknown}); the article was in force, its penalties are unknown.`,
      );
    } else if (p.version.basis !== 'official-text') {
      out.push(
        `${id}: the official text was not read; its content is known from ${p.version.basis === 'official-statement' ? 'official statements' : 'reports'}.`,
      );
    }
    const why = {
      'text-unknown': 'its text was not read',
      disputed: 'sources disagree on a term',
      'no-term': 'a prison term is not stated',
    };
    for (const u of p.lenientUnknown)
      out.push(
        `${id} part ${u.part}: whether the later text ${u.version} (from ${u.validFrom}) is more lenient is unknown: ${why[u.reason]}.`,
      );
    for (const part of p.parts) {
      if (part.penalties.length === 0) out.push(`${id} part ${part.part}: penalties unknown.`);
      if (part.category === null) out.push(`${id} part ${part.part}: crime category not stated in the sources read.`);
    }
  }
  for (const g of x.penalties.filter((g) => g.disputed)) {
    const values = g.alternatives
      .map(
        (a) =>
          `${rangeWords(a.penalty.min, a.penalty.max, a.penalty.unit)} (${a.provision.id} part ${a.part}; ${a.penalty.sources.map((s) => s.publisher).join(', ') || 'version sources'})`,
      )
      .join('; ');
    out.push(`Sources disagree on ${g.kind.replaceAll('-', ' ')} (${g.role}): ${values}.`);
  }
  if (x.practiceNotes === 0) out.push(`The prosecution practice of ${x.country} is not documented in the dataset.`);
  else if (x.stance === null)
    out.push(
      `The dataset holds ${x.practiceNotes} practice note(s) for ${x.country}, but none states a prosecution stance.`,
    );
  return out;
}
