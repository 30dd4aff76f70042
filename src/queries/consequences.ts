// The consequences of a conduct (or of serving a force) in one country under the law in force on a date, and the
// same across all countries for the comparison. Read as fetch (this module), rules (rules/law.ts) and wording
// (present/consequences.ts).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { COUNTRY_CODES, OUTCOMES } from '../domain/vocabulary.js';
import type { SourceRef } from '../domain/common.js';
import type { CompareRow, Consequences } from '../domain/consequences.js';
import type { Penalty, Version } from '../domain/provisions.js';
import { failOnUnknown, firstUnknownSql, type KnownKind } from './known.js';
import { designationsJson, toDesignation, type DesignationJson } from './forces.js';
import { toPracticeNote, type NoteJson } from './practice.js';
import { orEmpty, versionsJson } from '../db/json.js';
import { textArray, toVersion, type VersionJson } from './provisions.js';
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
import {
  CAVEATS,
  compareAlternatives,
  medianOfMiddles,
  sentenceWords,
  unknownInEnglish,
  unknownItemsOf,
  type UnknownItem,
} from '../present/consequences.js';

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

/** What the rules need of one country, as the legal-record statement returns it. */
interface RecordRow {
  country: string;
  revision: string;
  unknown: { kind: KnownKind; id: string } | null;
  gaps: { topic: string; note: string }[];
  force: { id: string; name: string; designations: DesignationJson[] } | null;
  articles: (ArticleRow & { versions: VersionJson[] })[];
  practice: NoteJson[];
  amnesties: {
    id: string;
    title: string;
    adopted: string | null;
    in_force_from: string | null;
    summary: string | null;
  }[];
}

/**
 * The whole legal record the rules choose from, for each country, in one statement: the core articles with their
 * versions (parts, penalties, exemptions, sources), the gaps, the force with its designations, the practice notes,
 * the amnesty acts; with the dataset revision it was read at and the first unknown conduct or force asked for.
 */
async function legalRecords(
  db: Db,
  countries: readonly string[],
  input: Omit<ConsequencesInput, 'country'>,
  /** 'rules': only what the rules read (lawOf), for compare: the articles, and of the practice notes those with a
   * stance, as their id, stance and start; no gaps, force or amnesties. */
  depth: 'answer' | 'rules' = 'answer',
): Promise<RecordRow[]> {
  const answer = depth === 'answer';
  const rows = await queryRows<RecordRow>(
    db,
    sql`select c.code as country,
        coalesce((select revision from dataset_revisions order by seq desc limit 1), 'none') as revision,
        ${firstUnknownSql({ conduct: input.conducts, force: input.force })} as unknown,
        ${
          answer
            ? orEmpty(sql`select json_agg(json_build_object('topic', g.topic, 'note', g.note) order by g.ord)
          from country_gaps g where g.country_code = c.code`)
            : sql`'[]'::json`
        } as gaps,
        ${
          input.force && answer
            ? sql`(select json_build_object('id', f.id, 'name', f.name, 'designations', ${designationsJson(sql`f.id`)})
                from forces f where f.id = ${input.force})`
            : sql`null::json`
        } as force,
        ${orEmpty(sql`select json_agg(json_build_object('id', p.id, 'article', p.article, 'heading', p.heading,
            'instrument_id', p.instrument_id, 'title', i.title, 'conducts', p.conducts,
            'successor_of', p.successor_of, 'versions', ${versionsJson(sql`p.id`)}) order by p.id)
          from provisions p join instruments i on i.id = p.instrument_id
          where p.country_code = c.code and p.scope = 'core'`)} as articles,
        ${
          answer
            ? orEmpty(sql`select json_agg(j_pn.doc order by j_pn.id)
          from (select id, doc from practice_notes where country_code = c.code order by id limit 200) j_pn`)
            : orEmpty(sql`select json_agg(json_build_object('id', j_pn.id, 'stance', j_pn.stance,
            'fromText', j_pn.from_text) order by j_pn.id)
          from (select id, stance, from_text from practice_notes where country_code = c.code order by id limit 200) j_pn
          where j_pn.stance is not null`)
        } as practice,
        ${
          answer
            ? orEmpty(sql`select json_agg(json_build_object('id', a.id, 'title', a.title, 'adopted', a.adopted,
            'in_force_from', a.in_force_from, 'summary', a.summary) order by coalesce(a.adopted, a.in_force_from), a.id)
          from instruments a where a.country_code = c.code and a.kind = 'amnesty-act'`)
            : sql`'[]'::json`
        } as amnesties
      from unnest(${textArray([...countries])}) with ordinality as c(code, n)
      order by c.n`,
  );
  await failOnUnknown(db, rows[0]?.unknown ?? null);
  return rows;
}

/** The cases of a country that are precedents for the question: charged under one of the provisions found, or with
 * one of the conducts asked, or serving the force asked. */
function precedentWhere(country: string, provisionIds: readonly string[], input: Omit<ConsequencesInput, 'country'>) {
  return sql`k.country_code = ${country} and (
    ${provisionIds.length ? sql`exists (select 1 from case_charges cc where cc.case_id = k.id and cc.provision_id = any(${textArray(provisionIds)}))` : sql`false`}
    or k.conducts && ${textArray(input.conducts.length ? input.conducts : ['-'])}
    or ${input.force ? sql`k.force_id = ${input.force}` : sql`false`})`;
}

/** precedentWhere over the case statistics kept per group (src/db/case-rollup.ts), row `g`: each case is in one
 * group, whose sets hold its provisions and conducts, so the sum of the groups' cases is the count of precedents. */
function precedentGroupsWhere(
  country: string,
  provisionIds: readonly string[],
  input: Omit<ConsequencesInput, 'country'>,
) {
  return sql`g.country_code = ${country} and (
    ${provisionIds.length ? sql`g.provision_ids && ${textArray(provisionIds)}` : sql`false`}
    or g.conducts && ${textArray(input.conducts.length ? input.conducts : ['-'])}
    or ${input.force ? sql`g.force_id = ${input.force}` : sql`false`})`;
}

/** The precedents of one country as precedentsJson builds them. */
interface PrecedentsJson {
  count: number;
  /** [outcome, cases], in the order of the newest case of each outcome. */
  byOutcome: [string | null, number][];
  /** Per kind and suspension, in the order of their first sentence (by case id and order). lo and hi: the lower and
   * upper middle of the lengths (equal when their number is odd). */
  sentences: {
    kind: string;
    suspended: boolean;
    count: number;
    withLength: number;
    min: number | null;
    max: number | null;
    lo: number | null;
    hi: number | null;
  }[];
  recent: {
    id: string;
    decided: string;
    court_name: string | null;
    court_place: string | null;
    outcome: string;
    sentence: {
      kind: string;
      years: number | null;
      months: number | null;
      suspended: boolean;
      amount: number | null;
      unit: string | null;
    } | null;
  }[];
}

/** The precedents of a country, aggregated in SQL (the cases are filtered by index and never all loaded). */
function precedentsJson(where: SQL): SQL {
  return sql`(with k as (
      select k.id, k.decided, k.court_name, k.court_place, k.outcome,
        row_number() over (order by k.decided_date desc, k.id desc) as rn
      from cases k where ${where}),
    s as (
      select cs.kind, cs.suspended, cs.total_months, row_number() over (order by cs.case_id, cs.ord) as rn
      from case_sentences cs where cs.case_id in (select id from k))
    select json_build_object(
      'count', (select count(*)::int from k),
      'byOutcome', ${orEmpty(sql`select json_agg(json_build_array(o.outcome, o.n) order by o.first)
        from (select outcome, count(*)::int as n, min(rn) as first from k group by outcome) o`)},
      'sentences', ${orEmpty(sql`select json_agg(json_build_object('kind', g.kind, 'suspended', g.suspended,
          'count', g.n, 'withLength', g.wl, 'min', g.mn, 'max', g.mx, 'lo', g.lo, 'hi', g.hi) order by g.first)
        from (select kind, suspended, count(*)::int as n, count(total_months)::int as wl, min(total_months) as mn,
            max(total_months) as mx, percentile_disc(0.5) within group (order by total_months) as lo,
            percentile_disc(0.5) within group (order by total_months desc) as hi, min(rn) as first
          from s group by kind, suspended) g`)},
      'recent', ${orEmpty(sql`select json_agg(json_build_object('id', r.id, 'decided', r.decided,
          'court_name', r.court_name, 'court_place', r.court_place, 'outcome', r.outcome,
          'sentence', (select json_build_object('kind', x.kind, 'years', x.years, 'months', x.months,
              'suspended', x.suspended, 'amount', x.amount, 'unit', x.unit)
            from case_sentences x where x.case_id = r.id order by x.ord limit 1)) order by r.rn)
        from k r where r.rn <= 5`)}))`;
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

/** What the rules decide for one country: the provisions that apply, their penalties, and the conducts reached. */
function lawOf(record: RecordRow, input: Omit<ConsequencesInput, 'country'>) {
  const { date } = input;
  const law = {
    articles: record.articles as ArticleRow[],
    versions: new Map(record.articles.filter((a) => a.versions.length).map((a) => [a.id, a.versions.map(toVersion)])),
  };
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
  // From the notes' stance and start alone, which is all a record read for compare has of them.
  const stance = latestStance<string, { stance: string | null; from: string | null }>(
    record.practice.map((n) => ({ stance: n.stance, from: n.fromText })),
  ) as Consequences['practice']['stance'];
  return { law, conducts, provisions, penalties, stance };
}

type Law = ReturnType<typeof lawOf>;

/** The provision ids a country's answer found: what its precedents are charged under. */
const foundIds = (l: Law) => [...new Set(l.provisions.map((p) => p.provision.id))];

/** The answer, and its unknowns as data as well as in the API's sentences (for the pages, which word them in their
 * language). `unknownItems` is not part of the API: the response schema leaves it out. */
export type ConsequencesAnswer = Consequences & { unknownItems: UnknownItem[] };

/** The full answer for one country from its record, what the rules decided and its precedents. */
function answerOf(
  record: RecordRow,
  input: Omit<ConsequencesInput, 'country'>,
  l: Law,
  precedents: PrecedentsJson,
): ConsequencesAnswer {
  const { country } = record;
  const { date } = input;
  const { law, conducts, provisions, penalties, stance } = l;
  const practice = record.practice.map(toPracticeNote);
  const sources = new Map<string, SourceRef>();
  const addSources = (list: readonly SourceRef[]) => list.forEach((s) => sources.set(s.id, s));
  for (const a of law.articles)
    for (const v of law.versions.get(a.id) ?? [])
      if (provisions.some((p) => p.version.id === v.id)) addSources(v.sources);
  provisions.forEach((p) => p.parts.forEach((pt) => pt.penalties.forEach((x) => addSources(x.sources))));
  practice.forEach((n) => {
    addSources(n.sources);
    n.statistics.forEach((s) => addSources(s.sources));
  });

  // The articles that reach the conducts in some version: to say why none is in force when nothing is found.
  const reaches = (a: ArticleRow, v: Version) => {
    const r = partsReaching(v, a.conducts, conducts);
    return r.parts.length > 0 || r.whole.length > 0;
  };
  const known = law.articles.filter((a) => (law.versions.get(a.id) ?? []).some((v) => reaches(a, v)));
  const unknownItems = unknownItemsOf({
    country,
    date,
    conducts,
    asked: input.conducts,
    force: input.force,
    provisions,
    penalties,
    known: known.map((a) => ({ id: a.id, versions: law.versions.get(a.id) ?? [] })),
    practiceNotes: practice.length,
    stance,
  });
  const force = record.force;
  return {
    country: country as Consequences['country'],
    date,
    conducts: input.conducts,
    force: force
      ? {
          id: force.id,
          name: force.name,
          designations: force.designations
            .map(toDesignation)
            .filter((d) => d.country === country && inEffect(d.from, d.to, date)),
        }
      : null,
    conductsReached: conducts,
    found: provisions.length > 0,
    provisions,
    penalties,
    exemptionAvailable: provisions.some((p) => p.exemptions.length > 0),
    amnesties: record.amnesties
      .filter((a) => boundsOf(a.adopted ?? a.in_force_from ?? '9999').earliest >= date)
      .map((a) => ({ id: a.id, title: a.title, adopted: a.adopted, inForceFrom: a.in_force_from, summary: a.summary })),
    practice: { stance, notes: practice },
    precedents: {
      count: precedents.count,
      // In the order of the outcome list, the unknown (null) outcome last.
      byOutcome: [...OUTCOMES, null].flatMap((outcome) => {
        const cases = precedents.byOutcome.find(([o]) => o === outcome)?.[1];
        return cases ? [{ outcome, cases }] : [];
      }),
      sentences: precedents.sentences.map((g) => ({
        kind: g.kind as Consequences['precedents']['sentences'][number]['kind'],
        suspended: g.suspended,
        count: g.count,
        withLength: g.withLength,
        minMonths: g.min,
        medianMonths: medianOfMiddles(g.withLength, g.lo, g.hi),
        maxMonths: g.max,
      })),
      recent: precedents.recent.map((r) => ({
        id: r.id,
        decided: { date: r.decided },
        court: { name: r.court_name, place: r.court_place },
        outcome: r.outcome as Consequences['precedents']['recent'][number]['outcome'],
        sentence: r.sentence ? sentenceWords(r.sentence) : null,
      })),
    },
    unknowns: unknownItems.map(unknownInEnglish),
    unknownItems,
    gaps: record.gaps.map((g) => ({ topic: g.topic as Consequences['gaps'][number]['topic'], note: g.note })),
    caveats: CAVEATS,
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    datasetRevision: record.revision,
  };
}

/**
 * The consequences in each of the countries: two statements whatever their number, the legal records (the rules
 * then choose the provisions in JS, rules/law.ts) and the precedents, which depend on the provisions chosen.
 */
export async function consequencesIn(
  db: Db,
  countries: readonly string[],
  input: Omit<ConsequencesInput, 'country'>,
): Promise<ConsequencesAnswer[]> {
  const records = await legalRecords(db, countries, input);
  const laws = records.map((r) => lawOf(r, input));
  const [row] = await queryRows<{ precedents: PrecedentsJson[] }>(
    db,
    sql`select json_build_array(${sql.join(
      records.map((r, i) => precedentsJson(precedentWhere(r.country, foundIds(laws[i]!), input))),
      sql`, `,
    )}) as precedents`,
  );
  return records.map((r, i) => answerOf(r, input, laws[i]!, row!.precedents[i]!));
}

export async function consequences(db: Db, input: ConsequencesInput): Promise<ConsequencesAnswer> {
  const [answer] = await consequencesIn(db, [input.country], input);
  return answer!;
}

/** One row per country for the comparison matrix, in two statements over all countries (the precedents only
 * counted, from the case statistics kept per group: at a million cases, counting the cases took a second and a
 * half), with the dataset revision they were read at. */
export async function compare(
  db: Db,
  input: Omit<ConsequencesInput, 'country'>,
): Promise<{ datasetRevision: string; data: CompareRow[] }> {
  const records = await legalRecords(db, COUNTRY_CODES, input, 'rules');
  const laws = records.map((r) => lawOf(r, input));
  const [row] = await queryRows<{ counts: number[] }>(
    db,
    sql`select json_build_array(${sql.join(
      records.map(
        (r, i) =>
          sql`(select coalesce(sum(g.cases), 0)::int from case_rollup g
            where ${precedentGroupsWhere(r.country, foundIds(laws[i]!), input)})`,
      ),
      sql`, `,
    )}) as counts`,
  );
  const data = records
    .map((r, i) => ({ country: r.country, l: laws[i]!, rulings: row!.counts[i]! }))
    .sort((a, b) => a.country.localeCompare(b.country))
    .map(({ country, l, rulings }) => {
      const prison = l.penalties.filter((r) => r.kind === 'imprisonment' && r.unit === 'years');
      const mins = prison.map((r) => r.envelope.min);
      const maxs = prison.map((r) => r.envelope.max);
      const found = l.provisions.length > 0;
      return {
        country: country as CompareRow['country'],
        found,
        inForce: !found ? null : l.provisions.every((p) => p.inForce === 'certain') ? 'certain' : 'possible',
        articles: l.provisions.flatMap((p) =>
          p.wholeArticle
            ? [`${p.provision.id} (part unknown)`]
            : p.parts.map((pt) => `${p.provision.id} part ${pt.part}`),
        ),
        imprisonmentMin: prison.length && mins.every((x) => x !== null) ? Math.min(...(mins as number[])) : null,
        imprisonmentMax: prison.length && maxs.every((x) => x !== null) ? Math.max(...(maxs as number[])) : null,
        imprisonmentUnit: prison.length ? 'years' : null,
        imprisonmentAlternatives: compareAlternatives(prison),
        penaltyKnown: l.penalties.length > 0,
        penaltyKinds: [...new Set(l.penalties.map((r) => r.kind))].sort(),
        disputed: l.penalties.some((r) => r.disputed),
        exemption: l.provisions.some((p) => p.exemptions.length > 0),
        stance: l.stance,
        rulings,
      } as CompareRow;
    });
  return { datasetRevision: records[0]?.revision ?? 'none', data };
}
