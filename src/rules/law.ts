// The law's logic as pure functions over domain objects, apart from SQL and from wording: which text is in force on a
// date (with uncertain boundaries), which parts a conduct or service in a force reaches, how disputed penalties are
// presented, and which later texts are more lenient. Unit-tested in test/rules/law.test.ts without a database.
import { boundsOf } from './dates.js';

/** The conducts of serving in a force: taking part in its fighting, as a mercenary or as a member of its forces.
 * Recruiting, training or financing for it are other conducts, asked for by their own codes. */
export const SERVICE_CONDUCTS = ['armed-conflict-participation', 'mercenary-participation', 'foreign-military-service'];

export interface Span {
  validFrom: string;
  validTo: string | null;
}

/** certain: in force on the date whichever day inside an uncertain boundary the change took effect; possible: in force
 * only if a boundary fell on one side of the date; no: not in force. */
export type InForce = 'certain' | 'possible' | 'no';

/** Whether a text with this span is in force on `date` (YYYY-MM-DD). validFrom is the first day in force; validTo
 * the first day no longer in force; each may be an interval A/B (the change took effect on some day within it). */
export function inForceOn(span: Span, date: string): InForce {
  const from = boundsOf(span.validFrom);
  const to = span.validTo === null ? null : boundsOf(span.validTo);
  if (date < from.earliest || (to && date >= to.latest)) return 'no';
  if (date >= from.latest && (!to || date < to.earliest)) return 'certain';
  return 'possible';
}

/** The versions in force on a date: one, certain, or, inside an uncertain boundary, each candidate flagged possible. */
export function versionsOnDate<V extends Span>(
  versions: readonly V[],
  date: string,
): { version: V; inForce: InForce }[] {
  return versions.map((version) => ({ version, inForce: inForceOn(version, date) })).filter((x) => x.inForce !== 'no');
}

/** The conducts a question reaches: those asked, and service in a force if one is named. */
export function conductsAsked(conducts: readonly string[], force: boolean): string[] {
  return [...new Set([...conducts, ...(force ? SERVICE_CONDUCTS : [])])];
}

export interface RulePenalty {
  id: string;
  kind: string;
  role: string;
  unit: string | null;
  min: number | null;
  max: number | null;
  disputeNote: string | null;
}

export interface RulePart<P extends RulePenalty = RulePenalty> {
  part: string;
  conducts: string[];
  penalties: P[];
}

export interface RuleVersion<P extends RulePenalty = RulePenalty> extends Span {
  id: string;
  textUnknown: string | null;
  parts: RulePart<P>[];
}

/** The parts of a version that reach the conducts, each with the conducts it matched. A period whose text was not read
 * and that has no parts reaches the conducts of the article as a whole: it is returned as `whole` with no part. */
export function partsReaching<T extends { conducts: readonly string[] }>(
  version: { textUnknown: string | null; parts: readonly T[] },
  articleConducts: readonly string[],
  conducts: readonly string[],
): { parts: { part: T; matched: string[] }[]; whole: string[] } {
  const parts = version.parts
    .map((part) => ({ part, matched: part.conducts.filter((c) => conducts.includes(c)) }))
    .filter((x) => x.matched.length > 0);
  const whole =
    version.parts.length === 0 && version.textUnknown !== null
      ? articleConducts.filter((c) => conducts.includes(c))
      : [];
  return { parts, whole };
}

/** One value of a punishment for one part, as a source states it. */
export interface Alternative<P extends RulePenalty = RulePenalty> {
  provision: string;
  version: string;
  part: string;
  penalty: P;
}

export interface PenaltyGroup<P extends RulePenalty = RulePenalty> {
  kind: string;
  role: string;
  unit: string | null;
  /** Every stated value, never merged. */
  alternatives: Alternative<P>[];
  /** True when sources disagree on a value for the same part (two values of one kind and role), or a value is marked
   * as conflicting with the text. */
  disputed: boolean;
  /** The lowest minimum and highest maximum over the alternatives: an envelope, not a penalty any source states,
   * null where no alternative gives that bound. */
  envelope: { min: number | null; max: number | null };
}

/** True when the penalty has a rival for the same part: another value of the same kind and role, or a dispute note. */
export function isDisputed<P extends RulePenalty>(p: P, samePart: readonly P[]): boolean {
  return (
    p.disputeNote !== null ||
    samePart.some(
      (q) =>
        q !== p && q.kind === p.kind && q.role === p.role && (q.min !== p.min || q.max !== p.max || q.unit !== p.unit),
    )
  );
}

/** Main and alternative punishments of the applicable parts grouped by kind, role and unit, keeping every value. */
export function groupPenalties<P extends RulePenalty>(
  applicable: readonly { provision: string; version: string; part: RulePart<P> }[],
): PenaltyGroup<P>[] {
  const groups = new Map<string, PenaltyGroup<P>>();
  for (const { provision, version, part } of applicable) {
    for (const penalty of part.penalties) {
      if (penalty.role === 'additional') continue;
      const key = `${penalty.kind}|${penalty.role}|${penalty.unit}`;
      const g = groups.get(key) ?? {
        kind: penalty.kind,
        role: penalty.role,
        unit: penalty.unit,
        alternatives: [],
        disputed: false,
        envelope: { min: null, max: null },
      };
      g.alternatives.push({ provision, version, part: part.part, penalty });
      g.disputed ||= isDisputed(penalty, part.penalties);
      groups.set(key, g);
    }
  }
  for (const g of groups.values()) {
    const mins = g.alternatives.map((a) => a.penalty.min);
    const maxs = g.alternatives.map((a) => a.penalty.max);
    // A bound is known only if every alternative states it: "up to 8" beside "5-10" has no common lowest minimum.
    g.envelope = {
      min: mins.every((x) => x !== null) ? Math.min(...(mins as number[])) : null,
      max: maxs.every((x) => x !== null) ? Math.max(...(maxs as number[])) : null,
    };
  }
  return [...groups.values()];
}

/** The main imprisonment of a part, in years: every stated alternative. */
function prisonTerms(part: RulePart): { min: number | null; max: number | null }[] {
  return part.penalties
    .filter((x) => x.kind === 'imprisonment' && x.role !== 'additional' && x.unit === 'years')
    .map((x) => ({ min: x.min, max: x.max }));
}

/** How a later part is more lenient than an earlier one, or undefined. Comparable only when each side states one
 * undisputed prison term; a disputed or unknown side is not compared (the answer says so elsewhere). */
export function lenientNote(before: RulePart, after: RulePart): string | undefined {
  const [b, ...bRest] = prisonTerms(before);
  const [a, ...aRest] = prisonTerms(after);
  if (!b || !a || bRest.length || aRest.length) return undefined;
  if (b.max !== null && a.max !== null && a.max < b.max) {
    return `maximum imprisonment lowered from ${b.max} to ${a.max} years`;
  }
  if (b.max === a.max && b.min !== null && a.min !== null && a.min < b.min) {
    return `minimum imprisonment lowered from ${b.min} to ${a.min} years`;
  }
  return undefined;
}

export interface Candidate<P extends RulePenalty = RulePenalty> {
  provision: string;
  /** True when the later text is the same article (a later version), false for a successor article. */
  sameArticle: boolean;
  /** The conducts of the later article as a whole (what a period whose text was not read covers). */
  articleConducts?: readonly string[];
  version: RuleVersion<P>;
}

export interface Lenient {
  provision: string;
  version: string;
  validFrom: string;
  part: string;
  note: string;
}

/** Later texts more lenient than `part` (the more-lenient-later-law rule): later versions of the same article (same
 * part number) and of its successors (a part reaching one of the same conducts), that took effect after `after`. */
export function moreLenientLater(part: RulePart, after: Span, later: readonly Candidate[]): Lenient[] {
  const out: Lenient[] = [];
  const from = boundsOf(after.validFrom).earliest;
  for (const { provision, sameArticle, version } of later) {
    if (boundsOf(version.validFrom).earliest <= from) continue;
    const same = version.parts.find((p) =>
      sameArticle ? p.part === part.part : p.conducts.some((c) => part.conducts.includes(c)),
    );
    const why = same && lenientNote(part, same);
    if (same && why)
      out.push({ provision, version: version.id, validFrom: version.validFrom, part: same.part, note: why });
  }
  return out;
}

export interface Undecided {
  provision: string;
  version: string;
  validFrom: string;
  /** text-unknown: the later text was not read; disputed: sources give several terms for one side; no-term: one side
   * states no prison term in years. */
  reason: 'text-unknown' | 'disputed' | 'no-term';
}

/** Later texts for which the more-lenient-law comparison cannot be made from the data: the answer must say that
 * whether they are more lenient is unknown, rather than stay silent. */
export function lenientUndecided(part: RulePart, after: Span, later: readonly Candidate[]): Undecided[] {
  const out: Undecided[] = [];
  const from = boundsOf(after.validFrom).earliest;
  const terms = (p: RulePart) => prisonTerms(p).length;
  for (const { provision, sameArticle, articleConducts = [], version } of later) {
    if (boundsOf(version.validFrom).earliest <= from) continue;
    const at = { provision, version: version.id, validFrom: version.validFrom };
    const same = version.parts.find((p) =>
      sameArticle ? p.part === part.part : p.conducts.some((c) => part.conducts.includes(c)),
    );
    if (!same) {
      const reaches = sameArticle || articleConducts.some((c) => part.conducts.includes(c));
      if (version.textUnknown !== null && version.parts.length === 0 && reaches)
        out.push({ ...at, reason: 'text-unknown' });
      continue;
    }
    if (lenientNote(part, same)) continue;
    if (terms(part) > 1 || terms(same) > 1) out.push({ ...at, reason: 'disputed' });
    else if (terms(part) === 0 || terms(same) === 0) out.push({ ...at, reason: 'no-term' });
  }
  return out;
}

/** The stance of the most recent practice note that states one; null (unknown) when none does. */
export function latestStance<S extends string, N extends { stance: S | null; from: string | null }>(
  notes: readonly N[],
): S | null {
  const stated = notes
    .filter((n) => n.stance !== null)
    .sort((a, b) => boundsOf(b.from ?? '1900').earliest.localeCompare(boundsOf(a.from ?? '1900').earliest));
  return stated[0]?.stance ?? null;
}

/** Whether something dated (a designation, an amnesty) is in effect on a date: from/to are partial dates or null. */
export function inEffect(from: string | null, to: string | null, date: string): boolean {
  return (from === null || boundsOf(from).earliest <= date) && (to === null || date < boundsOf(to).earliest);
}
