// The consequences of a conduct (or of serving a force) in one country under the law in force on a date, and the
// same across all countries for the comparison.
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { COUNTRY_CODES, STANCES } from '../data/files.js';
import type { SourceRef } from '../domain/common.js';
import type { CompareRow, Consequences } from '../domain/consequences.js';
import type { Part, Version } from '../domain/provisions.js';
import { startOf } from '../data/check.js';
import { countryGaps } from '../db/schema/index.js';
import { getForce } from './forces.js';
import { currentRevision } from './meta.js';
import { listPractice } from './practice.js';
import { textArray, versionsOf } from './provisions.js';

export interface ConsequencesInput {
  country: string;
  conducts: string[];
  force?: string | undefined;
  date: string;
}

export const CAVEATS = [
  'A reference compiled from public sources, not legal advice: consult a lawyer of the country concerned.',
  'The law in force on the date of the conduct applies, unless a later law is more lenient (see moreLenientLater).',
  'Precedents are the rulings reported in public sources that the dataset holds, not a complete record.',
];

type Severity = { min: number | null; max: number | null };

/** The imprisonment range of a part's main punishment, in years, for comparing versions. */
function imprisonment(part: Part): Severity | undefined {
  const p = part.penalties.find((x) => x.kind === 'imprisonment' && x.role !== 'additional' && x.unit === 'years');
  return p ? { min: p.min, max: p.max } : undefined;
}

function lenientNote(before: Severity, after: Severity): string | undefined {
  if (before.max !== null && after.max !== null && after.max < before.max) {
    return `maximum imprisonment lowered from ${before.max} to ${after.max} years`;
  }
  if (before.max === after.max && before.min !== null && after.min !== null && after.min < before.min) {
    return `minimum imprisonment lowered from ${before.min} to ${after.min} years`;
  }
  return undefined;
}

function inForce(v: Version, date: string): boolean {
  return startOf(v.validFrom) <= date && (v.validTo === null || date < startOf(v.validTo));
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : Math.round(((s[m - 1]! + s[m]!) / 2) * 100) / 100;
}

function sentenceWords(s: {
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

export async function consequences(db: Db, input: ConsequencesInput): Promise<Consequences> {
  const { country, conducts, date } = input;
  const [revision, gaps, force] = await Promise.all([
    currentRevision(db),
    // Only the gaps: the country's full record (counts, sources) is not part of this answer.
    db
      .select({ topic: countryGaps.topic, note: countryGaps.note })
      .from(countryGaps)
      .where(eq(countryGaps.countryCode, country))
      .orderBy(asc(countryGaps.ord)),
    input.force ? getForce(db, input.force) : Promise.resolve(undefined),
  ]);

  // Parts whose conducts overlap the question, in versions in force on the date.
  const byConduct = conducts.length
    ? await queryRows<{ provision_id: string; part: string; matched: string[] }>(
        db,
        sql`select pp.provision_id, pp.part,
              array(select unnest(pp.conducts) intersect select unnest(${textArray(conducts)})) as matched
            from provision_parts pp
            join provision_versions v on v.id = pp.version_id
            join provisions p on p.id = pp.provision_id
            where p.country_code = ${country} and pp.conducts && ${textArray(conducts)}
              and v.valid_from <= ${date} and (v.valid_to is null or v.valid_to > ${date})`,
      )
    : [];
  // Provisions charged against people of this country who served the force.
  const byForce = input.force
    ? await queryRows<{ provision_id: string; part: string | null }>(
        db,
        sql`select distinct cc.provision_id, cc.part from case_charges cc join cases k on k.id = cc.case_id
            where k.country_code = ${country} and k.force_id = ${input.force}`,
      )
    : [];

  const reasons = new Map<string, Map<string, Set<string>>>(); // provision -> part ('*' = all) -> reasons
  const note = (p: string, part: string, why: string) => {
    const parts = reasons.get(p) ?? new Map<string, Set<string>>();
    parts.set(part, (parts.get(part) ?? new Set()).add(why));
    reasons.set(p, parts);
  };
  for (const r of byConduct) for (const c of r.matched) note(r.provision_id, r.part, `conduct:${c}`);
  for (const r of byForce) note(r.provision_id, r.part ?? '*', `force:${input.force}`);

  const provisionIds = [...reasons.keys()];
  const successors = provisionIds.length
    ? await queryRows<{ id: string; successor_of: string[] }>(
        db,
        sql`select id, successor_of from provisions where successor_of && ${textArray(provisionIds)}`,
      )
    : [];
  const [versions, meta] = await Promise.all([
    versionsOf(db, [...provisionIds, ...successors.map((s) => s.id)]),
    provisionIds.length
      ? queryRows<{ id: string; article: string; heading: string; instrument_id: string; title: string }>(
          db,
          sql`select p.id, p.article, p.heading, p.instrument_id, i.title from provisions p
              join instruments i on i.id = p.instrument_id where p.id = any(${textArray(provisionIds)})`,
        )
      : Promise.resolve([]),
  ]);

  const sources = new Map<string, SourceRef>();
  const addSources = (list: readonly SourceRef[]) => list.forEach((s) => sources.set(s.id, s));

  const provisions: Consequences['provisions'] = [];
  for (const m of meta.sort((a, b) => a.id.localeCompare(b.id))) {
    const all = versions.get(m.id) ?? [];
    const version = all.find((v) => inForce(v, date));
    if (!version) continue; // a force precedent under an article not in force on the date
    const wanted = reasons.get(m.id)!;
    const parts = version.parts.filter((p) => wanted.has(p.part) || wanted.has('*'));
    if (parts.length === 0) continue;
    addSources(version.sources);
    parts.forEach((p) => p.penalties.forEach((x) => addSources(x.sources)));
    const later = [
      ...all.filter((v) => v.validFrom > version.validFrom).map((v) => ({ provision: m.id, v })),
      ...successors
        .filter((s) => s.successor_of.includes(m.id))
        .flatMap((s) => (versions.get(s.id) ?? []).map((v) => ({ provision: s.id, v }))),
    ];
    const moreLenientLater: Consequences['provisions'][number]['moreLenientLater'] = [];
    for (const part of parts) {
      const before = imprisonment(part);
      if (!before) continue;
      for (const { provision, v } of later) {
        const same = v.parts.find((p) =>
          provision === m.id ? p.part === part.part : p.conducts.some((c) => part.conducts.includes(c)),
        );
        const after = same && imprisonment(same);
        const why = after && lenientNote(before, after);
        if (same && why)
          moreLenientLater.push({ provision, version: v.id, validFrom: v.validFrom, part: same.part, note: why });
      }
    }
    provisions.push({
      provision: {
        id: m.id,
        article: m.article,
        heading: m.heading,
        instrument: { id: m.instrument_id, title: m.title },
      },
      version: {
        id: version.id,
        validFrom: version.validFrom,
        validTo: version.validTo,
        amendedBy: version.amendedBy,
        basis: version.basis,
      },
      matchedBy: [...new Set(parts.flatMap((p) => [...(wanted.get(p.part) ?? []), ...(wanted.get('*') ?? [])]))].sort(),
      parts,
      exemptions: version.exemptions,
      moreLenientLater,
    });
  }

  const ranges = new Map<string, Consequences['penaltyRanges'][number]>();
  for (const p of provisions.flatMap((x) => x.parts.flatMap((pt) => pt.penalties))) {
    if (p.role === 'additional') continue;
    const key = `${p.kind}|${p.role}|${p.unit}`;
    const r = ranges.get(key);
    if (!r) ranges.set(key, { kind: p.kind, role: p.role, unit: p.unit, min: p.min, max: p.max, disputed: p.disputed });
    else {
      r.min = r.min === null || p.min === null ? (r.min ?? p.min) : Math.min(r.min, p.min);
      r.max = r.max === null || p.max === null ? (r.max ?? p.max) : Math.max(r.max, p.max);
      r.disputed ||= p.disputed;
    }
  }

  const [amnesties, practice, precedentRows] = await Promise.all([
    queryRows<{
      id: string;
      title: string;
      adopted: string | null;
      in_force_from: string | null;
      summary: string | null;
    }>(
      db,
      sql`select id, title, adopted, in_force_from, summary from instruments
          where country_code = ${country} and kind = 'amnesty-act' order by coalesce(adopted, in_force_from)`,
    ),
    listPractice(db, { country, limit: 200 }),
    queryRows<{
      id: string;
      decided: string;
      decided_date: string;
      court_name: string | null;
      court_place: string | null;
      outcome: string;
    }>(
      db,
      sql`select k.id, k.decided, k.decided_date::text as decided_date, k.court_name, k.court_place, k.outcome from cases k
          where k.country_code = ${country} and (
            ${provisionIds.length ? sql`exists (select 1 from case_charges cc where cc.case_id = k.id and cc.provision_id = any(${textArray(provisionIds)}))` : sql`false`}
            or ${conducts.length ? sql`k.conducts && ${textArray(conducts)}` : sql`false`}
            or ${input.force ? sql`k.force_id = ${input.force}` : sql`false`})
          order by k.decided_date desc, k.id desc`,
    ),
  ]);
  const caseIds = precedentRows.map((r) => r.id);
  const sentences = caseIds.length
    ? await queryRows<{
        case_id: string;
        kind: string;
        years: number | null;
        months: number | null;
        total_months: string | null;
        suspended: boolean;
        amount: string | null;
        unit: string | null;
        ord: number;
      }>(
        db,
        sql`select case_id, kind, years, months, total_months, suspended, amount, unit, ord from case_sentences
            where case_id = any(${textArray(caseIds)}) order by case_id, ord`,
      )
    : [];
  const stats = new Map<string, { kind: string; suspended: boolean; count: number; months: number[] }>();
  for (const s of sentences) {
    const key = `${s.kind}|${s.suspended}`;
    const st = stats.get(key) ?? { kind: s.kind, suspended: s.suspended, count: 0, months: [] };
    st.count++;
    if (s.total_months !== null) st.months.push(Number(s.total_months));
    stats.set(key, st);
  }
  const byOutcome: Record<string, number> = {};
  for (const r of precedentRows) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  const firstSentence = new Map<string, (typeof sentences)[number]>();
  for (const s of sentences) if (!firstSentence.has(s.case_id)) firstSentence.set(s.case_id, s);

  const stated = practice.data
    .filter((n) => n.stance !== null && n.stance !== 'unknown')
    .sort((a, b) => startOf(b.from ?? '0000').localeCompare(startOf(a.from ?? '0000')));
  practice.data.forEach((n) => addSources(n.sources));

  const found = provisions.length > 0;
  const unknowns: string[] = [];
  if (!found) {
    const what = [...conducts.map((c) => `conduct ${c}`), ...(input.force ? [`service in ${input.force}`] : [])].join(
      ' or ',
    );
    unknowns.push(
      `No provision in the dataset covers ${what} in ${country} on ${date}. This means the applicable law is unknown to this dataset, not that there is no penalty.`,
    );
  }
  for (const p of provisions) {
    if (p.version.basis !== 'official-text') {
      unknowns.push(
        `${p.provision.id}: the official text was not read; its content is known from ${p.version.basis === 'official-statement' ? 'official statements' : 'reports'}.`,
      );
    }
    for (const part of p.parts) {
      if (part.penalties.length === 0) unknowns.push(`${p.provision.id} part ${part.part}: penalties unknown.`);
      if (part.category === null)
        unknowns.push(`${p.provision.id} part ${part.part}: crime category not stated in the sources read.`);
    }
  }
  if (stated.length === 0) unknowns.push(`The prosecution practice of ${country} is not documented in the dataset.`);

  return {
    country: country as Consequences['country'],
    date,
    conducts,
    force: force
      ? {
          id: force.id,
          name: force.name,
          designations: force.designations.filter(
            (d) =>
              d.country === country &&
              (d.from === null || (startOf(d.from) ?? '') <= date) &&
              (d.to === null || date < (startOf(d.to) ?? '')),
          ),
        }
      : null,
    found,
    provisions,
    penaltyRanges: [...ranges.values()],
    exemptionAvailable: provisions.some((p) => p.exemptions.length > 0),
    amnesties: amnesties
      .filter((a) => startOf(a.adopted ?? a.in_force_from ?? '9999') >= date)
      .map((a) => ({ id: a.id, title: a.title, adopted: a.adopted, inForceFrom: a.in_force_from, summary: a.summary })),
    practice: { stance: (stated[0]?.stance ?? 'unknown') as (typeof STANCES)[number], notes: practice.data },
    precedents: {
      count: precedentRows.length,
      byOutcome,
      sentences: [...stats.values()].map((s) => ({
        kind: s.kind as Consequences['precedents']['sentences'][number]['kind'],
        suspended: s.suspended,
        count: s.count,
        withLength: s.months.length,
        minMonths: s.months.length ? Math.min(...s.months) : null,
        medianMonths: median(s.months),
        maxMonths: s.months.length ? Math.max(...s.months) : null,
      })),
      recent: precedentRows.slice(0, 5).map((r) => {
        const s = firstSentence.get(r.id);
        return {
          id: r.id,
          decided: r.decided,
          court: r.court_name,
          place: r.court_place,
          outcome: r.outcome as Consequences['precedents']['recent'][number]['outcome'],
          sentence: s ? sentenceWords({ ...s, amount: s.amount === null ? null : Number(s.amount) }) : null,
        };
      }),
    },
    unknowns,
    gaps: gaps.map((g) => ({ topic: g.topic as Consequences['gaps'][number]['topic'], note: g.note })),
    caveats: CAVEATS,
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    datasetRevision: revision?.revision ?? 'none',
  };
}

/** One row per country for the comparison matrix. */
export async function compare(db: Db, input: Omit<ConsequencesInput, 'country'>): Promise<CompareRow[]> {
  const answers = await Promise.all(COUNTRY_CODES.map((country) => consequences(db, { ...input, country })));
  return answers
    .sort((a, b) => a.country.localeCompare(b.country))
    .map((a) => {
      const prison = a.penaltyRanges.filter((r) => r.kind === 'imprisonment' && r.unit === 'years');
      const mins = prison.map((r) => r.min).filter((x): x is number => x !== null);
      const maxs = prison.map((r) => r.max).filter((x): x is number => x !== null);
      return {
        country: a.country,
        found: a.found,
        articles: a.provisions.flatMap((p) => p.parts.map((pt) => `${p.provision.id} part ${pt.part}`)),
        imprisonmentMin: mins.length ? Math.min(...mins) : null,
        imprisonmentMax: maxs.length ? Math.max(...maxs) : null,
        imprisonmentUnit: prison.length ? 'years' : null,
        penaltyKinds: [...new Set(a.penaltyRanges.map((r) => r.kind))].sort(),
        disputed: a.penaltyRanges.some((r) => r.disputed),
        exemption: a.exemptionAvailable,
        stance: a.practice.stance,
        rulings: a.precedents.count,
      };
    });
}
