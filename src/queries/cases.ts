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
import { Unavailable } from '../domain/errors.js';
import { failOnUnknown, firstUnknownSql, resolveProvisionFilter, type KnownKind } from './known.js';
import { toCase, type CaseJson } from '../db/case-doc.js';

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
  const { query, provisionIds } = pageQuery(
    q,
    (dir) => sql`json_agg(j_d.doc order by j_k.decided_date ${dir}, j_k.id ${dir})`,
  );
  const [row] = await queryRows<PageRow<CaseJson[]>>(db, query);
  await checkPage(db, q, row!, provisionIds);
  const page = pageRows(row!.data ?? [], q.limit, (r) => [r.decidedDate, r.id]);
  return { data: page.data.map(toCase), nextKey: page.nextKey, total: q.count ? (row!.total ?? 0) : undefined };
}

/**
 * The same page as listCases, as the API's JSON of its cases joined by commas (the stored bodies, see
 * writeCaseBodies): what the JSON list sends without parsing, mapping or validating a case per request. `count` is
 * the number of cases in it.
 */
export async function listCaseBodies(
  db: Db,
  q: Paged<CaseQuery> & { provisions?: string[] | undefined },
): Promise<{ bodies: string; count: number; nextKey: PageKey | null; total?: number | undefined }> {
  const { query, provisionIds } = pageQuery(
    q,
    (dir) =>
      sql`json_agg(json_build_array(j_k.decided_date, j_k.id, j_d.body is not null)
        order by j_k.decided_date ${dir}, j_k.id ${dir})`,
    (dir) => sql`string_agg(j_d.body, ',' order by j_k.decided_date ${dir}, j_k.id ${dir})
      filter (where j_k.rn <= ${q.limit})`,
  );
  const [row] = await queryRows<PageRow<[string, string, boolean][]> & { bodies: string | null }>(db, query);
  await checkPage(db, q, row!, provisionIds);
  const keys = row!.data ?? [];
  // A case without its body (derived tables another version of the code wrote, never rewritten: a start without
  // the import, see src/db/derived.ts) would be left out of the page silently: the page is refused instead.
  if (keys.some(([, , stored]) => !stored))
    throw new Unavailable('some cases have no stored answer (the derived tables are stale): run npm run data:import');
  const page = pageRows(keys, q.limit, ([date, id]) => [date, id]);
  return {
    bodies: row!.bodies ?? '',
    count: page.data.length,
    nextKey: page.nextKey,
    total: q.count ? (row!.total ?? 0) : undefined,
  };
}

interface PageRow<D> {
  unknown: { kind: KnownKind; id: string } | null;
  provision_ids: string[] | null;
  total: number | null;
  data: D | null;
}

/** The statement of a page of cases (limit + 1 rows, to tell whether a next page exists), with the checks of its
 * filters and the total when asked; `data` and `bodies` aggregate the page's rows `j_k` (with `rn`, their rank) and
 * their documents `j_d`. */
function pageQuery(
  q: Paged<CaseQuery> & { provisions?: string[] | undefined },
  data: (dir: SQL) => SQL,
  bodies?: (dir: SQL) => SQL,
): { query: SQL; provisionIds: SQL | undefined } {
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
  const query = sql`select ${firstUnknownSql({ conduct: q.conduct, force: q.force })} as unknown,
      ${provisionIds ?? sql`null::text[]`} as provision_ids,
      ${q.count ? sql`(select count(*)::int from cases where ${counted})` : sql`null::int`} as total,
      p.data${bodies ? sql`, p.bodies` : sql``}
    from (select ${data(dir)} as data${bodies ? sql`, ${bodies(dir)} as bodies` : sql``}
      from (select cases.decided_date, cases.id,
          row_number() over (order by cases.decided_date ${dir}, cases.id ${dir}) as rn
        from cases where ${and(...where) ?? sql`true`}
        order by cases.decided_date ${dir}, cases.id ${dir} limit ${q.limit + 1}) j_k
      join case_docs j_d on j_d.case_id = j_k.id) p`;
  return { query, provisionIds };
}

/** A filter naming nothing is a 400 (extra statements on this path only). */
async function checkPage(
  db: Db,
  q: { provision?: string | undefined; country?: string | undefined },
  row: PageRow<unknown>,
  provisionIds: SQL | undefined,
): Promise<void> {
  await failOnUnknown(db, row.unknown);
  if (provisionIds && row.provision_ids?.length === 0) await resolveProvisionFilter(db, q.provision, q.country);
}

export async function getCase(db: Db, id: string): Promise<Case | undefined> {
  const [row] = await queryRows<{ data: CaseJson }>(
    db,
    sql`select d.doc as data from case_docs d where d.case_id = ${id}`,
  );
  return row ? toCase(row.data) : undefined;
}
