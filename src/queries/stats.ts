// Grouped case statistics in one SQL statement; every dimension comes from a fixed list, never from the request text.
import { and, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { GROUP_KEYS, StatsRow } from '../domain/stats.js';
import { caseConditions, type CaseFilter } from './cases.js';

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

export async function caseStats(db: Db, groupBy: Key[], filter: CaseFilter): Promise<StatsRow[]> {
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
  const rows = await queryRows<
    Record<string, unknown> & {
      cases: number;
      n: number;
      min: string | null;
      median: string | null;
      mean: string | null;
      max: string | null;
      suspended: number;
    }
  >(
    db,
    sql`with b as (${base}),
      sent as (
        select cs.case_id,
          sum(cs.total_months) filter (where cs.kind = 'imprisonment' and not cs.suspended) as months,
          bool_or(cs.kind = 'imprisonment' and cs.suspended) as suspended
        from case_sentences cs where cs.case_id in (select id from b) group by cs.case_id)
      select ${sql.join(
        groupBy.map((k) => sql`${EXPR[k]} as ${sql.identifier(k)}`),
        sql`, `,
      )},
        count(distinct b.id)::int as cases,
        count(sent.months)::int as n,
        min(sent.months)::text as min,
        (percentile_cont(0.5) within group (order by sent.months))::text as median,
        round(avg(sent.months), 2)::text as mean,
        max(sent.months)::text as max,
        count(distinct b.id) filter (where sent.suspended)::int as suspended
      from b left join sent on sent.case_id = b.id
      group by ${keys}
      order by ${keys}`,
  );
  const num = (v: string | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
  return rows.map((r) => ({
    group: Object.fromEntries(groupBy.map((k) => [k, (r[k] as string | number | null) ?? null])),
    cases: r.cases,
    imprisonment: {
      count: r.n,
      minMonths: num(r.min),
      medianMonths: num(r.median),
      meanMonths: num(r.mean),
      maxMonths: num(r.max),
    },
    suspended: r.suspended,
  }));
}
