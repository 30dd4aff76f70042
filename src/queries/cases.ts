// Queries of cases: filtered, keyset-paginated lists and single cases, with charges, sentences, events and sources.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { caseCharges, cases, caseSentences } from '../db/schema/index.js';
import type { Case, CaseQuery } from '../domain/cases.js';
import { pageRows, type KeyKind, type PageKey, type Paged } from '../domain/paging.js';
import { endOf, startOf } from '../rules/dates.js';
import { textArray } from './provisions.js';
import { matchesText } from './search.js';
import { normalizeArticle, queryWords } from '../text/fold.js';
import { failOnUnknown, firstUnknownSql, resolveProvisionFilter, type KnownKind } from './known.js';
import type { CaseJson } from '../db/case-doc.js';
import { orEmpty } from '../db/json.js';

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
      ${orEmpty(sql`select json_agg(j_d.doc order by j_k.decided_date ${dir}, j_k.id ${dir})
        from (select cases.decided_date, cases.id from cases where ${and(...where) ?? sql`true`}
          order by cases.decided_date ${dir}, cases.id ${dir} limit ${q.limit + 1}) j_k
        join case_docs j_d on j_d.case_id = j_k.id`)} as data`,
  );
  await failOnUnknown(db, row!.unknown);
  if (row!.provision_ids?.length === 0) await resolveProvisionFilter(db, q.provision, q.country);
  const page = pageRows(row!.data, q.limit, (r) => [r.decidedDate, r.id]);
  return { data: page.data.map(toCase), nextKey: page.nextKey, total: q.count ? (row!.total ?? 0) : undefined };
}

export async function getCase(db: Db, id: string): Promise<Case | undefined> {
  const [row] = await queryRows<{ data: CaseJson }>(
    db,
    sql`select d.doc as data from case_docs d where d.case_id = ${id}`,
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
