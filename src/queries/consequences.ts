// The consequences of a conduct (or of serving a force) in one country under the law in force on a date, and the
// same across all countries for the comparison. Read as fetch (this module), rules (rules/law.ts) and wording
// (present/consequences.ts).
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { COUNTRY_CODES, OUTCOMES } from '../domain/vocabulary.js';
import type { SourceRef } from '../domain/common.js';
import type { CompareRow, Consequences } from '../domain/consequences.js';
import type { Penalty, Version } from '../domain/provisions.js';
import { countryGaps } from '../db/schema/index.js';
import { getForce } from './forces.js';
import { currentRevision } from './meta.js';
import { listPractice } from './practice.js';
import { textArray, versionsOf } from './provisions.js';
import {
  SERVICE_CONDUCTS,
  conductsAsked,
  groupPenalties,
  inEffect,
  latestStance,
  lenientUndecided,
  moreLenientLater,
  partsReaching,
  versionsOnDate,
  type Candidate,
} from '../rules/law.js';
import { boundsOf } from '../rules/dates.js';
import { CAVEATS, compareAlternatives, sentenceStats, sentenceWords, unknownsOf } from '../present/consequences.js';

export { CAVEATS };

export interface ConsequencesInput {
  country: string;
  conducts: string[];
  force?: string | undefined;
  date: string;
}

interface ArticleRow {
  id: string;
  article: string;
  heading: string;
  instrument_id: string;
  title: string;
  conducts: string[];
  successor_of: string[];
}

/** The core articles of a country with their versions: the whole legal record the rules choose from. */
async function articlesOf(db: Db, country: string) {
  const articles = await queryRows<ArticleRow>(
    db,
    sql`select p.id, p.article, p.heading, p.instrument_id, i.title, p.conducts, p.successor_of from provisions p
        join instruments i on i.id = p.instrument_id
        where p.country_code = ${country} and p.scope = 'core' order by p.id`,
  );
  const versions = await versionsOf(
    db,
    articles.map((a) => a.id),
  );
  return { articles, versions };
}

/** The texts that may replace a version under the more-lenient-law rule: its later versions, and the versions of the
 * articles that succeeded it (transitively through the concordance). */
function laterTexts(
  id: string,
  articles: readonly ArticleRow[],
  versions: ReadonlyMap<string, Version[]>,
): Candidate<Penalty>[] {
  const out: Candidate<Penalty>[] = (versions.get(id) ?? []).map((version) => ({
    provision: id,
    sameArticle: true,
    version,
  }));
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const a of articles.filter((x) => x.successor_of.includes(cur) && !seen.has(x.id))) {
      seen.add(a.id);
      queue.push(a.id);
      for (const version of versions.get(a.id) ?? [])
        out.push({ provision: a.id, sameArticle: false, articleConducts: a.conducts, version });
    }
  }
  return out;
}

export async function consequences(db: Db, input: ConsequencesInput): Promise<Consequences> {
  const { country, date } = input;
  const [revision, gaps, force, law, practice] = await Promise.all([
    currentRevision(db),
    // Only the gaps: the country's full record (counts, sources) is not part of this answer.
    db
      .select({ topic: countryGaps.topic, note: countryGaps.note })
      .from(countryGaps)
      .where(eq(countryGaps.countryCode, country))
      .orderBy(asc(countryGaps.ord)),
    input.force ? getForce(db, input.force) : Promise.resolve(undefined),
    articlesOf(db, country),
    listPractice(db, { country, limit: 200 }),
  ]);
  const conducts = conductsAsked(input.conducts, input.force !== undefined);
  const why = (c: string) =>
    input.conducts.includes(c) ? [`conduct:${c}`] : SERVICE_CONDUCTS.includes(c) ? [`force:${input.force}`] : [];

  // Rules: the texts in force on the date, the parts that reach the conducts, the later more lenient texts.
  // The rules speak of provision ids; the answer names each provision the same way everywhere (ProvisionRef).
  const refs = new Map(
    law.articles.map((a) => [
      a.id,
      { id: a.id, article: a.article, heading: a.heading, instrument: { id: a.instrument_id, title: a.title } },
    ]),
  );
  const ref = (id: string) => refs.get(id)!;
  const provisions: Consequences['provisions'] = [];
  for (const a of law.articles) {
    for (const { version, inForce } of versionsOnDate(law.versions.get(a.id) ?? [], date)) {
      const { parts, whole } = partsReaching(version, a.conducts, conducts);
      if (parts.length === 0 && whole.length === 0) continue;
      const later = laterTexts(a.id, law.articles, law.versions);
      provisions.push({
        provision: ref(a.id),
        inForce: inForce === 'certain' ? 'certain' : 'possible',
        version: {
          id: version.id,
          validFrom: version.validFrom,
          validTo: version.validTo,
          amendedBy: version.amendedBy,
          basis: version.basis,
          textKnown: version.textKnown,
          textUnknown: version.textUnknown,
          note: version.note,
        },
        matchedBy: [...new Set([...parts.flatMap((p) => p.matched), ...whole].flatMap(why))].sort(),
        parts: parts.map((p) => p.part),
        wholeArticle: whole.length > 0,
        exemptions: version.exemptions,
        moreLenientLater: parts.flatMap((p) =>
          moreLenientLater(p.part, version, later).map((l) => ({ ...l, provision: ref(l.provision) })),
        ),
        lenientUnknown: parts.flatMap((p) =>
          lenientUndecided(p.part, version, later).map((u) => ({
            ...u,
            provision: ref(u.provision),
            part: p.part.part,
          })),
        ),
      });
    }
  }
  const penalties = groupPenalties(
    provisions.flatMap((p) => p.parts.map((part) => ({ provision: p.provision.id, version: p.version.id, part }))),
  ).map((g) => ({
    ...g,
    alternatives: g.alternatives.map((alt) => ({ ...alt, provision: ref(alt.provision) })),
    kind: g.kind as Penalty['kind'],
    role: g.role as Penalty['role'],
    unit: g.unit as Penalty['unit'],
  }));

  const provisionIds = [...new Set(provisions.map((p) => p.provision.id))];
  const [amnesties, precedentRows] = await Promise.all([
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
    queryRows<{
      id: string;
      decided: string;
      court_name: string | null;
      court_place: string | null;
      outcome: string;
    }>(
      db,
      sql`select k.id, k.decided, k.court_name, k.court_place, k.outcome from cases k
          where k.country_code = ${country} and (
            ${provisionIds.length ? sql`exists (select 1 from case_charges cc where cc.case_id = k.id and cc.provision_id = any(${textArray(provisionIds)}))` : sql`false`}
            or k.conducts && ${textArray(input.conducts.length ? input.conducts : ['-'])}
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
      }>(
        db,
        sql`select case_id, kind, years, months, total_months, suspended, amount, unit from case_sentences
            where case_id = any(${textArray(caseIds)}) order by case_id, ord`,
      )
    : [];
  const byOutcome = [...OUTCOMES, null]
    .map((outcome) => ({ outcome, cases: precedentRows.filter((r) => r.outcome === outcome).length }))
    .filter((o) => o.cases > 0);
  const firstSentence = new Map<string, (typeof sentences)[number]>();
  for (const s of sentences) if (!firstSentence.has(s.case_id)) firstSentence.set(s.case_id, s);

  const sources = new Map<string, SourceRef>();
  const addSources = (list: readonly SourceRef[]) => list.forEach((s) => sources.set(s.id, s));
  for (const a of law.articles)
    for (const v of law.versions.get(a.id) ?? [])
      if (provisions.some((p) => p.version.id === v.id)) addSources(v.sources);
  provisions.forEach((p) => p.parts.forEach((pt) => pt.penalties.forEach((x) => addSources(x.sources))));
  practice.data.forEach((n) => {
    addSources(n.sources);
    n.statistics.forEach((s) => addSources(s.sources));
  });

  const stance = latestStance(practice.data) as Consequences['practice']['stance'];
  // The articles that reach the conducts in some version: to say why none is in force when nothing is found.
  const reaches = (a: ArticleRow, v: Version) => {
    const r = partsReaching(v, a.conducts, conducts);
    return r.parts.length > 0 || r.whole.length > 0;
  };
  const known = law.articles.filter((a) => (law.versions.get(a.id) ?? []).some((v) => reaches(a, v)));
  return {
    country: country as Consequences['country'],
    date,
    conducts: input.conducts,
    force: force
      ? {
          id: force.id,
          name: force.name,
          designations: force.designations.filter((d) => d.country === country && inEffect(d.from, d.to, date)),
        }
      : null,
    conductsReached: conducts,
    found: provisions.length > 0,
    provisions,
    penalties,
    exemptionAvailable: provisions.some((p) => p.exemptions.length > 0),
    amnesties: amnesties
      .filter((a) => boundsOf(a.adopted ?? a.in_force_from ?? '9999').earliest >= date)
      .map((a) => ({ id: a.id, title: a.title, adopted: a.adopted, inForceFrom: a.in_force_from, summary: a.summary })),
    practice: { stance, notes: practice.data },
    precedents: {
      count: precedentRows.length,
      byOutcome,
      sentences: sentenceStats(sentences),
      recent: precedentRows.slice(0, 5).map((r) => {
        const s = firstSentence.get(r.id);
        return {
          id: r.id,
          decided: { date: r.decided },
          court: { name: r.court_name, place: r.court_place },
          outcome: r.outcome as Consequences['precedents']['recent'][number]['outcome'],
          sentence: s ? sentenceWords({ ...s, amount: s.amount === null ? null : Number(s.amount) }) : null,
        };
      }),
    },
    unknowns: unknownsOf({
      country,
      date,
      conducts,
      asked: input.conducts,
      force: input.force,
      provisions,
      penalties,
      known: known.map((a) => ({ id: a.id, versions: law.versions.get(a.id) ?? [] })),
      practiceNotes: practice.data.length,
      stance,
    }),
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
      const prison = a.penalties.filter((r) => r.kind === 'imprisonment' && r.unit === 'years');
      const mins = prison.map((r) => r.envelope.min);
      const maxs = prison.map((r) => r.envelope.max);
      return {
        country: a.country,
        found: a.found,
        inForce: !a.found ? null : a.provisions.every((p) => p.inForce === 'certain') ? 'certain' : 'possible',
        articles: a.provisions.flatMap((p) =>
          p.wholeArticle
            ? [`${p.provision.id} (part unknown)`]
            : p.parts.map((pt) => `${p.provision.id} part ${pt.part}`),
        ),
        imprisonmentMin: prison.length && mins.every((x) => x !== null) ? Math.min(...(mins as number[])) : null,
        imprisonmentMax: prison.length && maxs.every((x) => x !== null) ? Math.max(...(maxs as number[])) : null,
        imprisonmentUnit: prison.length ? 'years' : null,
        imprisonmentAlternatives: compareAlternatives(prison),
        penaltyKnown: a.penalties.length > 0,
        penaltyKinds: [...new Set(a.penalties.map((r) => r.kind))].sort(),
        disputed: a.penalties.some((r) => r.disputed),
        exemption: a.exemptionAvailable,
        stance: a.practice.stance,
        rulings: a.precedents.count,
      };
    });
}
