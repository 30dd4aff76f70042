// Grouped case statistics in one SQL statement; every dimension comes from a fixed list, never from the request text.
import { and, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { COUNTRY_CODES } from '../domain/vocabulary.js';
import type { GROUP_KEYS, SentenceKindStats, StatsRow } from '../domain/stats.js';
import { caseConditions, provisionIdsSql, type CaseFilter } from './cases.js';
import { textArray } from './provisions.js';
import { endOf, startOf } from '../rules/dates.js';
import { orEmpty } from '../db/json.js';
import { failOnUnknown, firstUnknownSql, resolveProvisionFilter, type KnownKind } from './known.js';

/** The case filter as the request gives it (the provision as written, not yet resolved). */
type CaseFilterQuery = Omit<CaseFilter, 'provisions'> & { provision?: string | undefined };

type Key = (typeof GROUP_KEYS)[number];

// Each dimension: its column in a row of `b` below (either path).
const COLUMN: Record<Key, string> = {
  country: 'country_code',
  year: 'year',
  outcome: 'outcome',
  sentenceKind: 'sentence_kind',
  provision: 'provision_id',
  force: 'force_id',
  side: 'side',
  conduct: 'conduct',
};

/** The dimensions grouped by, as columns of the row `alias` (`named`: each named as its key). */
const columns = (groupBy: Key[], alias: string, named = false): SQL =>
  sql.join(
    groupBy.map((k) => sql`${sql.raw(`${alias}.${COLUMN[k]}`)}${named ? sql` as ${sql.identifier(k)}` : sql``}`),
    sql`, `,
  );

/** The case filters the groups kept by the import (case_rollup) can answer, and those they cannot (a name, a text,
 * a length of sentence: a property of a case that no group holds). Every filter of the case query is in one list
 * (test/routes/richer/stats.ts checks it), so a new filter is a decision, not a silent wrong statistic. */
export const ROLLUP_FILTERS = [
  'country',
  'outcome',
  'force',
  'side',
  'dateKind',
  'conduct',
  'provision',
  'sentenceKind',
  'decidedFrom',
  'decidedTo',
] as const;
export const CASE_ONLY_FILTERS = [
  'defendant',
  'court',
  'place',
  'judge',
  'q',
  'sentenceMinYears',
  'sentenceMaxYears',
] as const;

/** Whether the groups can answer the filter: only ROLLUP_FILTERS, and dates on whole months (the groups' grain). */
export function rollupCan(query: CaseFilterQuery): boolean {
  if (CASE_ONLY_FILTERS.some((k) => query[k] !== undefined)) return false;
  if (query.decidedFrom !== undefined && !startOf(query.decidedFrom).endsWith('-01')) return false;
  if (query.decidedTo !== undefined && endOf(query.decidedTo) !== endOf(endOf(query.decidedTo).slice(0, 7)))
    return false;
  return true;
}

/** The WHERE conditions of a filter rollupCan accepts, over a row `r` of case_rollup or case_rollup_kinds. */
function rollupConditions(f: CaseFilter): SQL[] {
  const where: SQL[] = [];
  if (f.country) where.push(sql`r.country_code = ${f.country}`);
  if (f.outcome) where.push(sql`r.outcome = ${f.outcome}`);
  if (f.force) where.push(sql`r.force_id = ${f.force}`);
  if (f.side) where.push(sql`r.side = ${f.side}`);
  if (f.dateKind) where.push(sql`r.date_kind = ${f.dateKind}`);
  if (f.conduct) where.push(sql`r.conducts @> array[${f.conduct}]::text[]`);
  if (f.provisions) {
    where.push(sql`r.provision_ids && ${Array.isArray(f.provisions) ? textArray(f.provisions) : f.provisions}`);
  }
  if (f.sentenceKind) where.push(sql`r.sentence_kinds @> array[${f.sentenceKind}]::text[]`);
  if (f.decidedFrom) where.push(sql`r.month >= ${startOf(f.decidedFrom)}::date`);
  if (f.decidedTo) where.push(sql`r.month <= ${endOf(f.decidedTo).slice(0, 7) + '-01'}::date`);
  return where;
}

type Group = Record<string, unknown> & Lengths & { cases: number; suspended: number };

/**
 * Grouped statistics of the cases a filter selects, with the dataset revision, in one statement: the groups with
 * their imprisonment lengths, and every kind of sentence per group. The conduct and force filters are checked and
 * the provision filter resolved in the same statement; a filter naming nothing is a 400 as caseFilterOf gives it.
 * A filter the groups kept by the import can answer (rollupCan) reads those, any other the cases; both give the
 * same answer (test/stats-both-ways.ts), and `via` says which was read.
 */
export async function caseStats(
  db: Db,
  groupBy: Key[],
  query: CaseFilterQuery,
  options: { via?: 'rollup' | 'cases' } = {},
): Promise<{ rows: StatsRow[]; revision: string; via: 'rollup' | 'cases' }> {
  const provisionIds = query.provision !== undefined ? provisionIdsSql(query.provision, query.country) : undefined;
  const filter: CaseFilter = { ...query, provisions: provisionIds };
  const via = options.via ?? (rollupCan(query) ? 'rollup' : 'cases');
  if (via === 'rollup' && !rollupCan(query)) throw new Error('caseStats: the groups cannot answer this filter');
  const needs = (k: Key) => groupBy.includes(k);
  const keys = columns(groupBy, 'b');
  const named = columns(groupBy, 'b', true);
  const byKey = (alias: string) =>
    sql.join(
      groupBy.map((k) => sql`${sql.raw(alias)}.${sql.identifier(k)}`),
      sql`, `,
    );
  const ordered = byKey('g');
  const ids = byKey('h');
  const parts = { groupBy, needs, keys, named, ordered, ids };
  const answer = via === 'cases' ? casesAnswer(filter, parts) : rollupAnswer(filter, parts);
  const [row] = await queryRows<{
    unknown: { kind: KnownKind; id: string } | null;
    provision_ids: string[] | null;
    revision: string;
    groups: (Group & { hist?: [number, number][] | null })[];
    kinds: (Group & { kind: string; hist?: [number, number][] | null })[];
  }>(
    db,
    sql`select ${firstUnknownSql({ conduct: query.conduct, force: query.force })} as unknown,
        ${provisionIds ?? sql`null::text[]`} as provision_ids,
        coalesce((select revision from dataset_revisions order by seq desc limit 1), 'none') as revision,
        a.groups, a.kinds
      from (${answer}) a`,
  );
  await failOnUnknown(db, row!.unknown);
  if (row!.provision_ids?.length === 0) await resolveProvisionFilter(db, query.provision, query.country);
  const withMedian = <T extends Group & { hist?: [number, number][] | null }>(r: T): T =>
    r.hist === undefined ? r : { ...r, median: medianOf(r.hist) };
  const rows = row!.groups.map(withMedian);
  const kinds = row!.kinds.map(withMedian);
  const groupOf = (r: Record<string, unknown>) =>
    Object.fromEntries(groupBy.map((k) => [k, (r[k] as string | number | null) ?? null]));
  const byGroup = new Map<string, SentenceKindStats[]>();
  for (const r of kinds) {
    const key = JSON.stringify(groupOf(r));
    const list = byGroup.get(key) ?? [];
    list.push({
      kind: r.kind as SentenceKindStats['kind'],
      cases: r.cases,
      suspended: r.suspended,
      lengths: lengths(r),
    });
    byGroup.set(key, list);
  }
  const found = rows.map((r) => {
    const group = groupOf(r);
    const sentences = (byGroup.get(JSON.stringify(group)) ?? []).sort((a, b) => (a.kind < b.kind ? -1 : 1));
    return { group, cases: r.cases, imprisonment: lengths(r), suspended: r.suspended, sentences } as StatsRow;
  });
  return { rows: zeroFilled(found, groupBy, filter), revision: row!.revision, via };
}

/** What both ways of answering share: the dimensions, and their columns as the answer's SQL names them. */
interface Parts {
  groupBy: Key[];
  needs: (k: Key) => boolean;
  /** The columns of `b` grouped by, plain and named as their keys; the keys over `g` and over `h`. */
  keys: SQL;
  named: SQL;
  ordered: SQL;
  ids: SQL;
}

/** The groups and kinds of sentence (columns `groups`, `kinds`) read from the cases. */
function casesAnswer(filter: CaseFilter, { needs, keys, named, ordered }: Parts): SQL {
  const where = caseConditions(filter);
  // One row per case, multiplied only by the dimensions asked for (a case charged under two provisions counts once
  // per provision; twice under one, once).
  const base = sql`
      select cases.id, cases.country_code, extract(year from cases.decided_date)::int as year, cases.outcome,
        cases.force_id, cases.side
        ${needs('provision') ? sql`, cc.provision_id` : sql``}
        ${needs('sentenceKind') ? sql`, s.kind as sentence_kind` : sql``}
        ${needs('conduct') ? sql`, c.conduct` : sql``}
      from cases
        ${needs('provision') ? sql`left join lateral (select distinct j_cc.provision_id from case_charges j_cc where j_cc.case_id = cases.id) cc on true` : sql``}
        ${needs('sentenceKind') ? sql`left join case_sentences s on s.case_id = cases.id and s.ord = 0` : sql``}
        ${needs('conduct') ? sql`cross join lateral (select distinct unnest(cases.conducts)) as c(conduct)` : sql``}
      where ${where.length ? and(...where) : sql`true`}`;
  return sql`with b as (${base}),
      sent as (
        select cs.case_id,
          sum(cs.total_months) filter (where cs.kind = 'imprisonment' and not cs.suspended) as months,
          bool_or(cs.kind = 'imprisonment' and cs.suspended) as suspended
        from case_sentences cs where cs.case_id in (select id from b) group by cs.case_id),
      sk as (
        select cs.case_id, cs.kind,
          sum(cs.total_months) filter (where not cs.suspended) as months, bool_or(cs.suspended) as suspended
        from case_sentences cs where cs.case_id in (select id from b) group by cs.case_id, cs.kind)
      select ${orEmpty(sql`select json_agg(g order by ${ordered}) from (
          select ${named},
            count(distinct b.id)::int as cases,
            count(sent.months)::int as n,
            min(sent.months)::text as min,
            (percentile_cont(0.5) within group (order by sent.months))::text as median,
            round(avg(sent.months), 2)::text as mean,
            max(sent.months)::text as max,
            count(distinct b.id) filter (where sent.suspended)::int as suspended
          from b left join sent on sent.case_id = b.id
          group by ${keys}) g`)} as groups,
        ${orEmpty(sql`select json_agg(g) from (
          select ${named}, sk.kind,
            count(distinct b.id)::int as cases,
            count(distinct b.id) filter (where sk.suspended)::int as suspended,
            ${LENGTHS}
          from b join sk on sk.case_id = b.id
          group by ${keys}, sk.kind) g`)} as kinds`;
}

/** The same columns read from the statistics the import keeps per group (case_rollup, case_rollup_kinds). */
function rollupAnswer(filter: CaseFilter, { groupBy, needs, keys, named, ordered, ids }: Parts): SQL {
  const where = rollupConditions(filter);
  // The same rows as `b` in casesAnswer, each standing for `cases` cases; the sets unnested only when grouped by.
  const base = (table: string, extra: string) => sql`
      select r.country_code, extract(year from r.month)::int as year, r.outcome, r.force_id, r.side,
        r.sentence_kind ${needs('provision') ? sql`, p.provision_id` : sql``}
        ${needs('conduct') ? sql`, c.conduct` : sql``}, r.months, r.suspended, r.cases ${sql.raw(extra)}
      from ${sql.raw(table)} r
        ${needs('provision') ? sql`cross join lateral unnest(r.provision_ids) as p(provision_id)` : sql``}
        ${needs('conduct') ? sql`cross join lateral unnest(r.conducts) as c(conduct)` : sql``}
      where ${where.length ? and(...where) : sql`true`}`;
  // Lengths over the rows of `h` (one per group and length, `w` cases each): the median is computed from `hist`
  // (medianOf), as percentile_cont computes it.
  const lengthsOfH = sql.raw(`coalesce(sum(h.w) filter (where h.months is not null), 0)::int as n,
      min(h.months)::text as min, max(h.months)::text as max,
      round(sum(h.months * h.w) / nullif(sum(h.w) filter (where h.months is not null), 0), 2)::text as mean,
      json_agg(json_build_array(h.months, h.w) order by h.months) filter (where h.months is not null) as hist`);
  return sql`with b as (${base('case_rollup', '')}), bk as (${base('case_rollup_kinds', ', r.kind')})
      select ${orEmpty(sql`select json_agg(g order by ${ordered}) from (
          select ${ids}, sum(h.w)::int as cases, coalesce(sum(h.sw), 0)::int as suspended, ${lengthsOfH}
          from (select ${named}, b.months, sum(b.cases) as w, sum(b.cases) filter (where b.suspended) as sw
            from b group by ${keys}, b.months) h
          group by ${ids}) g`)} as groups,
        ${orEmpty(sql`select json_agg(g) from (
          select ${ids}, h.kind, sum(h.w)::int as cases, coalesce(sum(h.sw), 0)::int as suspended, ${lengthsOfH}
          from (select ${columns(groupBy, 'bk', true)}, bk.kind, bk.months, sum(bk.cases) as w,
              sum(bk.cases) filter (where bk.suspended) as sw
            from bk group by ${columns(groupBy, 'bk')}, bk.kind, bk.months) h
          group by ${ids}, h.kind) g`)} as kinds`;
}

/**
 * The median of the lengths `hist` holds ([months, cases] pairs, in ascending order of months), as PostgreSQL's
 * percentile_cont(0.5) computes it over the lengths one by one: the value at (n - 1) / 2, interpolated between its
 * two neighbours in double precision. As text, as the SQL gives its other figures; null for no lengths.
 */
export function medianOf(hist: [number, number][] | null): string | null {
  if (!hist || hist.length === 0) return null;
  const n = hist.reduce((a, [, w]) => a + w, 0);
  const at = (i: number) => {
    let seen = 0;
    for (const [m, w] of hist) {
      seen += w;
      if (i < seen) return m;
    }
    return hist[hist.length - 1]![0];
  };
  const pos = 0.5 * (n - 1);
  const first = Math.floor(pos);
  const second = Math.ceil(pos);
  const lo = at(first);
  if (first === second) return String(lo);
  const hi = at(second);
  return String(lo + (pos - first) * (hi - lo));
}

type Lengths = { n: number; min: string | null; median: string | null; mean: string | null; max: string | null };

const LENGTHS = sql.raw(`count(months)::int as n, min(months)::text as min,
  (percentile_cont(0.5) within group (order by months))::text as median,
  round(avg(months), 2)::text as mean, max(months)::text as max`);

const num = (v: string | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
const lengths = (r: Lengths) => ({
  count: r.n,
  minMonths: num(r.min),
  medianMonths: num(r.median),
  meanMonths: num(r.mean),
  maxMonths: num(r.max),
});

/**
 * Groups with no case are rows with 0, so a chart's axis has no holes: every year from the first to the last
 * found, every country (unless filtered to one), and for other dimensions every value found; in key order.
 */
function zeroFilled(rows: StatsRow[], groupBy: Key[], filter: CaseFilter): StatsRow[] {
  const seen = (k: Key) => [...new Set(rows.map((r) => (r.group as Record<string, unknown>)[k] ?? null))];
  const domain = (k: Key): unknown[] => {
    if (k === 'country') return filter.country ? [filter.country] : [...COUNTRY_CODES];
    if (k === 'year') {
      const years = seen(k).filter((y): y is number => typeof y === 'number');
      const all = years.length ? range(Math.min(...years), Math.max(...years)) : [];
      return seen(k).includes(null) ? [...all, null] : all;
    }
    return seen(k);
  };
  const order = (a: unknown, b: unknown) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : (a as string | number) < (b as string | number) ? -1 : 1;
  const sorted = (k: Key) => domain(k).sort(order);
  let groups: Record<string, unknown>[] = [{}];
  for (const k of groupBy) groups = groups.flatMap((g) => sorted(k).map((v) => ({ ...g, [k]: v })));
  const have = new Map(rows.map((r) => [JSON.stringify(r.group), r]));
  const empty = { count: 0, minMonths: null, medianMonths: null, meanMonths: null, maxMonths: null };
  return groups.map(
    (g) =>
      have.get(JSON.stringify(g)) ??
      ({ group: g, cases: 0, imprisonment: empty, suspended: 0, sentences: [] } as unknown as StatsRow),
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
