// Case statistics kept per group (case_rollup, case_rollup_kinds), written by the import from the cases it has just
// written (src/data/import.ts) and read by statistics whose filter the groups can answer (src/queries/stats.ts): at a
// million cases, a statistic of one country and year read every matching case and grew with them; the groups do not.
import { sql, type SQL } from 'drizzle-orm';

/** One row per case with every dimension a statistic over the groups can filter or group by. The sets are sorted
 * and without repeats; a case with no charge has the provision set {NULL}, as a left join gives it one null row. */
const perCase = sql`select k.id, k.country_code, date_trunc('month', k.decided_date)::date as month, k.outcome,
    k.date_kind, k.force_id, k.side,
    (select s0.kind from case_sentences s0 where s0.case_id = k.id and s0.ord = 0) as sentence_kind,
    array(select distinct c from unnest(k.conducts) c order by c) as conducts,
    coalesce((select array_agg(distinct cc.provision_id order by cc.provision_id) from case_charges cc
      where cc.case_id = k.id), array[null]::text[]) as provision_ids,
    array(select distinct sk.kind from case_sentences sk where sk.case_id = k.id order by sk.kind) as sentence_kinds
  from cases k`;

const DIMS = sql.raw(
  'country_code, month, outcome, date_kind, force_id, side, sentence_kind, conducts, provision_ids, sentence_kinds',
);
const DIMS_OF_D = sql.raw(
  'd.country_code, d.month, d.outcome, d.date_kind, d.force_id, d.side, d.sentence_kind, d.conducts, d.provision_ids, d.sentence_kinds',
);

/** Rewrites both tables from every case, in one pass over the cases (the per-case rows are read once and feed both
 * inserts): run by the import, in its transaction, after every table is written, and by the benchmark after it adds
 * synthetic cases. */
export async function writeCaseRollup(tx: { execute(q: SQL): Promise<unknown> }): Promise<void> {
  await tx.execute(sql`delete from case_rollup`);
  await tx.execute(sql`delete from case_rollup_kinds`);
  // case_rollup: per case, its imprisonment (summed, not suspended) and whether it has a suspended one, as stats.ts
  // reads them from the cases; case_rollup_kinds: per case and kind of sentence, the months of that kind (summed, not
  // suspended) and whether one was suspended.
  await tx.execute(sql`with d as materialized (${perCase}),
    groups as (insert into case_rollup (${DIMS}, months, suspended, cases)
      select ${DIMS_OF_D}, s.months, coalesce(s.suspended, false), count(*)::int
      from d
        left join lateral (select sum(cs.total_months) filter (where cs.kind = 'imprisonment' and not cs.suspended) as months,
            bool_or(cs.kind = 'imprisonment' and cs.suspended) as suspended
          from case_sentences cs where cs.case_id = d.id) s on true
      group by ${DIMS_OF_D}, s.months, coalesce(s.suspended, false))
    insert into case_rollup_kinds (${DIMS}, kind, months, suspended, cases)
    select ${DIMS_OF_D}, s.kind, s.months, s.suspended, count(*)::int
    from d
      join lateral (select cs.kind, sum(cs.total_months) filter (where not cs.suspended) as months,
          bool_or(cs.suspended) as suspended
        from case_sentences cs where cs.case_id = d.id group by cs.kind) s on true
    group by ${DIMS_OF_D}, s.kind, s.months, s.suspended`);
}
