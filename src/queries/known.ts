// Filters naming a record that does not exist are a 400 naming the parameter, never a silently empty list.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { invalidParameter } from '../http/problem.js';
import { nearest, normalizeArticle } from '../text/fold.js';

// The table and key column of each kind of record a filter may name (fixed here, never taken from the request).
const TABLES = {
  conduct: sql.raw('conducts where code'),
  provision: sql.raw('provisions where id'),
  instrument: sql.raw('instruments where id'),
  force: sql.raw('forces where id'),
} as const;
const ALL = {
  conduct: sql.raw('select code as id from conducts'),
  provision: sql.raw('select id from provisions'),
  instrument: sql.raw('select id from instruments'),
  force: sql.raw('select id from forces'),
} as const;

/** The valid values nearest to an unknown one, for the "did you mean" of a 400. */
export async function suggestionsFor(db: Db, kind: KnownKind, value: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, ALL[kind]);
  return nearest(
    value,
    rows.map((r) => r.id),
  );
}

/** A 400 for an unknown value, naming the parameter and the nearest valid values. */
export async function unknownValue(db: Db, kind: KnownKind, value: string, name: string = kind): Promise<Error> {
  const suggestions = await suggestionsFor(db, kind, value);
  const hint = suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '';
  return invalidParameter('query', name, `unknown ${kind} ${value}${hint}`, suggestions);
}

export type KnownKind = keyof typeof TABLES;

export async function recordExists(db: Db, kind: KnownKind, id: string): Promise<boolean> {
  return (await queryRows(db, sql`select 1 from ${TABLES[kind]} = ${id}`)).length > 0;
}

/** Checks every filter present in `q` (conduct may be a list); the first unknown value is a 400 naming its parameter. */
export async function requireKnownFilters(
  db: Db,
  q: Partial<Record<KnownKind, string | string[] | undefined>>,
): Promise<void> {
  for (const kind of Object.keys(TABLES) as KnownKind[]) {
    const v = q[kind];
    for (const id of v === undefined ? [] : Array.isArray(v) ? v : [v]) {
      if (!(await recordExists(db, kind, id))) throw await unknownValue(db, kind, id);
    }
  }
}

/** The filters of `q` as (kind, value) pairs, in the order requireKnownFilters checks them. */
function filterValues(q: Partial<Record<KnownKind, string | string[] | undefined>>): [KnownKind, string][] {
  return (Object.keys(TABLES) as KnownKind[]).flatMap((kind) => {
    const v = q[kind];
    return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((id): [KnownKind, string] => [kind, id]);
  });
}

/** SQL for a column of a larger statement: the first filter value of `q` that names no record, as
 * `{"kind": ..., "id": ...}`, or null when all exist (the check of requireKnownFilters without its own statements). */
export function firstUnknownSql(q: Partial<Record<KnownKind, string | string[] | undefined>>): SQL {
  const values = filterValues(q);
  if (values.length === 0) return sql`null::json`;
  return sql`(select json_build_object('kind', f.kind, 'id', f.id) from (values ${sql.join(
    values.map(([kind, id], n) => sql`(${n}::int, ${kind}::text, ${id}::text)`),
    sql`, `,
  )}) as f(n, kind, id)
    where not case f.kind
      when 'conduct' then exists (select 1 from conducts where code = f.id)
      when 'provision' then exists (select 1 from provisions where id = f.id)
      when 'instrument' then exists (select 1 from instruments where id = f.id)
      else exists (select 1 from forces where id = f.id) end
    order by f.n limit 1)`;
}

/** The 400 of the value firstUnknownSql found, if it found one. */
export async function failOnUnknown(db: Db, unknown: { kind: KnownKind; id: string } | null): Promise<void> {
  if (unknown) throw await unknownValue(db, unknown.kind, unknown.id);
}

/** The provision filter of cases and statistics: a provision id, or an article number as reports write it (154-1,
 * 154¹, 401′) within the country filter, or across countries without one. Unknown: a 400 with the nearest values. */
export async function resolveProvisionFilter(
  db: Db,
  value: string | undefined,
  country: string | undefined,
): Promise<string[] | undefined> {
  if (value === undefined) return undefined;
  if (await recordExists(db, 'provision', value)) return [value];
  const article = normalizeArticle(value.replace(/^(art(icle)?\.?|ст\.?|статья)\s*/i, ''));
  const rows = await queryRows<{ id: string; article: string }>(
    db,
    sql`select id, article from provisions ${country ? sql`where country_code = ${country}` : sql``} order by id`,
  );
  const ids = rows.filter((r) => r.article === article).map((r) => r.id);
  if (ids.length) return ids;
  const suggestions = [
    ...nearest(article, [...new Set(rows.map((r) => r.article))]),
    ...nearest(
      value,
      rows.map((r) => r.id),
    ),
  ];
  const hint = suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '';
  throw invalidParameter(
    'query',
    'provision',
    `no provision ${value}${country ? ` in ${country}` : ''}${hint}`,
    suggestions,
  );
}

/** The case filter of a request: known values checked, the provision resolved to ids. */
export async function caseFilterOf<
  Q extends {
    provision?: string | undefined;
    country?: string | undefined;
    conduct?: string | undefined;
    force?: string | undefined;
  },
>(db: Db, q: Q): Promise<Q & { provisions?: string[] | undefined }> {
  await requireKnownFilters(db, { conduct: q.conduct, force: q.force });
  return { ...q, provisions: await resolveProvisionFilter(db, q.provision, q.country) };
}
