// Queries of cases: filtered, keyset-paginated lists and single cases, with charges, sentences, events and sources.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { caseCharges, cases, caseSentences } from '../db/schema/index.js';
import type { Case, CaseQuery } from '../domain/cases.js';
import type { SourceRef } from '../domain/common.js';
import { pageRows, type KeyKind, type PageKey, type Paged } from '../domain/paging.js';
import { endOf, startOf } from '../rules/dates.js';
import { textArray } from './provisions.js';
import { matchesText } from './search.js';
import { normalizeArticle, queryWords } from '../text/fold.js';
import { failOnUnknown, firstUnknownSql, resolveProvisionFilter, type KnownKind } from './known.js';
import { orEmpty, provisionRefJson, sourceRefJson, sourcesJson } from './json.js';

export type CaseFilter = Omit<CaseQuery, 'limit' | 'sort' | 'cursor' | 'format' | 'fields' | 'count' | 'provision'> & {
  /** The provision ids the provision filter resolved to (see resolveProvisionFilter), or SQL resolving them. */
  provisions?: string[] | SQL | undefined;
};

/** Every word of `value`, folded, must match the folded column (trigram word similarity, so prefixes and typos). */
function namesMatch(column: SQL, value: string): SQL {
  const words = queryWords(value);
  if (words.length === 0) return sql`false`;
  return sql.join(
    words.map((w) => (w.length >= 3 ? sql`${w} <% ${column}` : sql`${column} ~ ${`(^| )${w}`}`)),
    sql` and `,
  );
}

/** The WHERE conditions of a case filter, shared by lists and statistics. */
export function caseConditions(f: CaseFilter): SQL[] {
  const where: SQL[] = [];
  if (f.country) where.push(eq(cases.countryCode, f.country));
  if (f.outcome) where.push(eq(cases.outcome, f.outcome));
  if (f.force) where.push(eq(cases.forceId, f.force));
  if (f.side) where.push(eq(cases.side, f.side));
  if (f.dateKind) where.push(eq(cases.dateKind, f.dateKind));
  if (f.conduct) where.push(sql`${cases.conducts} @> array[${f.conduct}]::text[]`);
  if (f.provisions) {
    where.push(
      sql`exists (select 1 from ${caseCharges} cc where cc.case_id = ${cases.id} and cc.provision_id = any(${Array.isArray(f.provisions) ? textArray(f.provisions) : f.provisions}))`,
    );
  }
  if (f.defendant) where.push(namesMatch(sql`${cases.defendantFolded}`, f.defendant));
  if (f.court) where.push(namesMatch(sql`${cases.courtFolded}`, f.court));
  if (f.place) where.push(namesMatch(sql`${cases.placeFolded}`, f.place));
  if (f.judge) where.push(namesMatch(sql`${cases.judgeFolded}`, f.judge));
  if (f.sentenceKind || f.sentenceMinYears !== undefined || f.sentenceMaxYears !== undefined) {
    where.push(sql`exists (select 1 from ${caseSentences} s where s.case_id = ${cases.id}
      ${f.sentenceKind ? sql`and s.kind = ${f.sentenceKind}` : sql``}
      ${f.sentenceMinYears !== undefined ? sql`and s.total_months >= ${f.sentenceMinYears * 12}` : sql``}
      ${f.sentenceMaxYears !== undefined ? sql`and s.total_months <= ${f.sentenceMaxYears * 12}` : sql``})`);
  }
  if (f.q) where.push(matchesText('case', sql`${cases.id}`, f.q));
  if (f.decidedFrom) where.push(sql`${cases.decidedDate} >= ${startOf(f.decidedFrom)}`);
  if (f.decidedTo) where.push(sql`${cases.decidedDate} <= ${endOf(f.decidedTo)}`);
  return where;
}

/** A case of the cases row `k` as CaseJson, with its charges, sentences, events, disputes and sources. */
function caseJson(k: string): SQL {
  const K = sql.raw(k);
  return sql`json_build_object('id', ${K}.id, 'countryCode', ${K}.country_code, 'courtName', ${K}.court_name,
    'courtLevel', ${K}.court_level, 'courtPlace', ${K}.court_place, 'decided', ${K}.decided,
    'decidedDate', ${K}.decided_date, 'decidedPrecision', ${K}.decided_precision, 'dateKind', ${K}.date_kind,
    'dateNote', ${K}.date_note, 'reportedOn', ${K}.reported_on, 'sentenceStart', ${K}.sentence_start,
    'judge', ${K}.judge, 'defendantName', ${K}.defendant_name, 'defendantAge', ${K}.defendant_age,
    'defendantSex', ${K}.defendant_sex, 'citizenships', ${K}.citizenships, 'conducts', ${K}.conducts,
    'side', ${K}.side, 'forceId', ${K}.force_id, 'forceName', (select j_f.name from forces j_f where j_f.id = ${K}.force_id),
    'conflictId', ${K}.conflict_id,
    'conflictName', (select j_cf.name from conflicts j_cf where j_cf.id = ${K}.conflict_id),
    'outcome', ${K}.outcome, 'appealStatus', ${K}.appeal_status, 'appealNote', ${K}.appeal_note,
    'summary', ${K}.summary, 'basis', ${K}.basis, 'sources', ${sourcesJson('case', sql.raw(`${k}.id`))},
    'charges', ${orEmpty(sql`select json_agg(json_build_object('id', j_cc.id, 'provision', ${provisionRefJson('j_pr', 'j_pi')},
        'part', j_cc.part, 'scope', j_pr.scope, 'note', j_cc.note) order by j_cc.ord)
      from case_charges j_cc join provisions j_pr on j_pr.id = j_cc.provision_id
        join instruments j_pi on j_pi.id = j_pr.instrument_id
      where j_cc.case_id = ${K}.id`)},
    'sentences', ${orEmpty(sql`select json_agg(json_build_object('kind', j_cs.kind, 'years', j_cs.years,
        'months', j_cs.months, 'days', j_cs.days, 'totalMonths', j_cs.total_months, 'amount', j_cs.amount,
        'unit', j_cs.unit, 'regime', j_cs.regime, 'suspended', j_cs.suspended,
        'probationMonths', j_cs.probation_months) order by j_cs.ord)
      from case_sentences j_cs where j_cs.case_id = ${K}.id`)},
    'events', ${orEmpty(sql`select json_agg(json_build_object('date', j_ce.date, 'kind', j_ce.kind, 'note', j_ce.note,
        'sources', ${sourcesJson('event', sql.raw('j_ce.id'))}) order by j_ce.ord)
      from case_events j_ce where j_ce.case_id = ${K}.id`)},
    'disputes', ${orEmpty(sql`select json_agg(json_build_object('field', j_d.value -> 'field', 'note', j_d.value -> 'note',
        'sources', ${orEmpty(sql`select json_agg(${sourceRefJson('j_ds')} order by j_x.n)
          from jsonb_array_elements_text(j_d.value -> 'sources') with ordinality j_x(id, n)
          join sources j_ds on j_ds.id = j_x.id`)}) order by j_d.n)
      from jsonb_array_elements(${K}.disputes) with ordinality j_d(value, n)`)})`;
}

/** A case as caseJson builds it. */
interface CaseJson {
  id: string;
  countryCode: string;
  courtName: string | null;
  courtLevel: string | null;
  courtPlace: string | null;
  decided: string;
  decidedDate: string;
  decidedPrecision: string;
  dateKind: string;
  dateNote: string | null;
  reportedOn: string | null;
  sentenceStart: string | null;
  judge: string | null;
  defendantName: string | null;
  defendantAge: number | null;
  defendantSex: string | null;
  citizenships: string[];
  conducts: string[];
  side: string | null;
  forceId: string | null;
  forceName: string | null;
  conflictId: string | null;
  conflictName: string | null;
  outcome: string;
  appealStatus: string | null;
  appealNote: string | null;
  summary: string;
  basis: string;
  sources: SourceRef[];
  charges: {
    id: string;
    provision: Case['charges'][number]['provision'];
    part: string | null;
    scope: string;
    note: string | null;
  }[];
  sentences: {
    kind: string;
    years: number | null;
    months: number | null;
    days: number | null;
    totalMonths: number | null;
    amount: number | null;
    unit: string | null;
    regime: string | null;
    suspended: boolean;
    probationMonths: number | null;
  }[];
  events: { date: string | null; kind: string; note: string; sources: SourceRef[] }[];
  disputes: { field: string; note: string; sources: SourceRef[] }[];
}

/** The provision filter as SQL: the provision of that id, or else the provisions with that article number (as
 * reports write it) within the country, as a text[]; empty when none (resolveProvisionFilter then says why). */
export function provisionIdsSql(value: string, country: string | undefined): SQL {
  const article = normalizeArticle(value.replace(/^(art(icle)?\.?|ст\.?|статья)\s*/i, ''));
  return sql`coalesce((select array[id] from provisions where id = ${value}),
    (select array_agg(id order by id) from provisions where article = ${article}
      ${country ? sql`and country_code = ${country}` : sql``}), '{}'::text[])`;
}

/** The sort key of the case list: the decision date, then the id. */
export const CASES_KEY: readonly KeyKind[] = ['date', 'id'];

/**
 * A page of cases with their children, the total when asked, and the check of the filters (conduct, force and the
 * provision, which is resolved in SQL), in one statement. A filter naming nothing is a 400 as caseFilterOf gives it
 * (the extra statements run only then). `provisions`, when given, are the ids already resolved.
 */
export async function listCases(
  db: Db,
  q: Paged<CaseQuery> & { provisions?: string[] | undefined },
): Promise<{ data: Case[]; nextKey: PageKey | null; total?: number | undefined }> {
  const after = q.after;
  const provisionIds =
    q.provisions === undefined && q.provision !== undefined ? provisionIdsSql(q.provision, q.country) : undefined;
  const where = caseConditions({ ...q, provisions: q.provisions ?? provisionIds });
  const counted = and(...where) ?? sql`true`;
  const newestFirst = q.sort === '-decided';
  if (after) {
    where.push(
      newestFirst
        ? sql`(${cases.decidedDate}, ${cases.id}) < (${after[0]}::date, ${after[1]})`
        : sql`(${cases.decidedDate}, ${cases.id}) > (${after[0]}::date, ${after[1]})`,
    );
  }
  const dir = sql.raw(newestFirst ? 'desc' : 'asc');
  const [row] = await queryRows<{
    unknown: { kind: KnownKind; id: string } | null;
    provision_ids: string[] | null;
    total: number | null;
    data: CaseJson[];
  }>(
    db,
    sql`select ${firstUnknownSql({ conduct: q.conduct, force: q.force })} as unknown,
      ${provisionIds ?? sql`null::text[]`} as provision_ids,
      ${q.count ? sql`(select count(*)::int from cases where ${counted})` : sql`null::int`} as total,
      ${orEmpty(sql`select json_agg(${caseJson('j_k')} order by j_k.decided_date ${dir}, j_k.id ${dir})
        from (select * from cases where ${and(...where) ?? sql`true`}
          order by cases.decided_date ${dir}, cases.id ${dir} limit ${q.limit + 1}) j_k`)} as data`,
  );
  await failOnUnknown(db, row!.unknown);
  if (row!.provision_ids?.length === 0) await resolveProvisionFilter(db, q.provision, q.country);
  const page = pageRows(row!.data, q.limit, (r) => [r.decidedDate, r.id]);
  return { data: page.data.map(toCase), nextKey: page.nextKey, total: q.count ? (row!.total ?? 0) : undefined };
}

export async function getCase(db: Db, id: string): Promise<Case | undefined> {
  const [row] = await queryRows<{ data: CaseJson }>(
    db,
    sql`select ${caseJson('k')} as data from cases k where k.id = ${id}`,
  );
  return row ? toCase(row.data) : undefined;
}

/** The domain Case of a case built in SQL. */
function toCase(r: CaseJson): Case {
  return {
    id: r.id,
    country: r.countryCode as Case['country'],
    court: { name: r.courtName, level: r.courtLevel as Case['court']['level'], place: r.courtPlace },
    decided: {
      date: r.decided,
      precision: r.decidedPrecision as Case['decided']['precision'],
      kind: r.dateKind as Case['decided']['kind'],
      note: r.dateNote,
      reported: r.reportedOn,
      sentenceStart: r.sentenceStart,
    },
    judge: r.judge,
    defendant: {
      name: r.defendantName,
      age: r.defendantAge,
      sex: r.defendantSex as Case['defendant']['sex'],
      citizenships: r.citizenships,
    },
    charges: r.charges.map((c) => ({
      id: c.id,
      provision: c.provision,
      part: c.part,
      scope: c.scope as Case['charges'][number]['scope'],
      note: c.note,
    })),
    conducts: r.conducts,
    side: r.side as Case['side'],
    force: r.forceId ? { id: r.forceId, name: r.forceName ?? r.forceId } : null,
    conflict: r.conflictId ? { id: r.conflictId, name: r.conflictName ?? r.conflictId } : null,
    outcome: r.outcome as Case['outcome'],
    sentences: r.sentences.map((s) => ({
      kind: s.kind as Case['sentences'][number]['kind'],
      years: s.years,
      months: s.months,
      days: s.days,
      totalMonths: s.totalMonths,
      amount: s.amount,
      unit: s.unit,
      regime: s.regime,
      suspended: s.suspended,
      probationMonths: s.probationMonths,
    })),
    appeal:
      r.appealStatus || r.appealNote
        ? { status: r.appealStatus as NonNullable<Case['appeal']>['status'], note: r.appealNote }
        : null,
    events: r.events.map((e) => ({
      date: e.date,
      kind: e.kind as Case['events'][number]['kind'],
      note: e.note,
      sources: e.sources,
    })),
    disputes: r.disputes.map((d) => ({ field: d.field, note: d.note, sources: d.sources })),
    summary: r.summary,
    basis: r.basis as Case['basis'],
    sources: r.sources,
  };
}
