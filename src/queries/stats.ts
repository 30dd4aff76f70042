// Grouped case statistics in one SQL statement; every dimension comes from a fixed list, never from the request text.
import { and, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { COUNTRY_CODES } from '../domain/vocabulary.js';
import type { GROUP_KEYS, SentenceKindStats, StatsRow } from '../domain/stats.js';
import { caseConditions, provisionIdsSql, type CaseFilter } from './cases.js';
import { orEmpty } from '../db/json.js';
import { failOnUnknown, firstUnknownSql, resolveProvisionFilter, type KnownKind } from './known.js';

/** The case filter as the request gives it (the provision as written, not yet resolved). */
type CaseFilterQuery = Omit<CaseFilter, 'provisions'> & { provision?: string | undefined };

type Key = (typeof GROUP_KEYS)[number];

// Each dimension: its SQL expression over a row of `base` below.
const EXPR: Record<Key, SQL> = {
  country: sql.raw('b.country_code'),
  year: sql.raw('b.year'),
  outcome: sql.raw('b.outcome'),
  sentenceKind: sql.raw('b.sentence_kind'),
  provision: sql.raw('b.provision_id'),
  force: sql.raw('b.force_id'),
  side: sql.raw('b.side'),
  conduct: sql.raw('b.conduct'),
};

/**
 * Grouped statistics of the cases a filter selects, with the dataset revision, in one statement: the groups with
 * their imprisonment lengths, and every kind of sentence per group. The conduct and force filters are checked and
 * the provision filter resolved in the same statement; a filter naming nothing is a 400 as caseFilterOf gives it.
 */
export async function caseStats(
  db: Db,
  groupBy: Key[],
  query: CaseFilterQuery,
): Promise<{ rows: StatsRow[]; revision: string }> {
  const provisionIds = query.provision !== undefined ? provisionIdsSql(query.provision, query.country) : undefined;
  const filter: CaseFilter = { ...query, provisions: provisionIds };
  const where = caseConditions(filter);
  const needs = (k: Key) => groupBy.includes(k);
  // One row per case, multiplied only by the dimensions asked for (a case with two charges counts once per provision).
  const base = sql`
    select cases.id, cases.country_code, extract(year from cases.decided_date)::int as year, cases.outcome,
      cases.force_id, cases.side
      ${needs('provision') ? sql`, cc.provision_id` : sql``}
      ${needs('sentenceKind') ? sql`, s.kind as sentence_kind` : sql``}
      ${needs('conduct') ? sql`, c.conduct` : sql``}
    from cases
      ${needs('provision') ? sql`left join case_charges cc on cc.case_id = cases.id` : sql``}
      ${needs('sentenceKind') ? sql`left join case_sentences s on s.case_id = cases.id and s.ord = 0` : sql``}
      ${needs('conduct') ? sql`cross join lateral unnest(cases.conducts) as c(conduct)` : sql``}
    where ${where.length ? and(...where) : sql`true`}`;
  const keys = sql.join(
    groupBy.map((k) => sql`${EXPR[k]}`),
    sql`, `,
  );
  const named = sql.join(
    groupBy.map((k) => sql`${EXPR[k]} as ${sql.identifier(k)}`),
    sql`, `,
  );
  const ordered = sql.join(
    groupBy.map((k) => sql`g.${sql.identifier(k)}`),
    sql`, `,
  );
  const [row] = await queryRows<{
    unknown: { kind: KnownKind; id: string } | null;
    provision_ids: string[] | null;
    revision: string;
    groups: (Record<string, unknown> & Lengths & { cases: number; suspended: number })[];
    kinds: (Record<string, unknown> & Lengths & { kind: string; cases: number; suspended: number })[];
  }>(
    db,
    sql`with b as (${base}),
      sent as (
        select cs.case_id,
          sum(cs.total_months) filter (where cs.kind = 'imprisonment' and not cs.suspended) as months,
          bool_or(cs.kind = 'imprisonment' and cs.suspended) as suspended
        from case_sentences cs where cs.case_id in (select id from b) group by cs.case_id),
      sk as (
        select cs.case_id, cs.kind,
          sum(cs.total_months) filter (where not cs.suspended) as months, bool_or(cs.suspended) as suspended
        from case_sentences cs where cs.case_id in (select id from b) group by cs.case_id, cs.kind)
      select ${firstUnknownSql({ conduct: query.conduct, force: query.force })} as unknown,
        ${provisionIds ?? sql`null::text[]`} as provision_ids,
        coalesce((select revision from dataset_revisions order by seq desc limit 1), 'none') as revision,
        ${orEmpty(sql`select json_agg(g order by ${ordered}) from (
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
          group by ${keys}, sk.kind) g`)} as kinds`,
  );
  await failOnUnknown(db, row!.unknown);
  if (row!.provision_ids?.length === 0) await resolveProvisionFilter(db, query.provision, query.country);
  const rows = row!.groups;
  const kinds = row!.kinds;
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
  return { rows: zeroFilled(found, groupBy, filter), revision: row!.revision };
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
