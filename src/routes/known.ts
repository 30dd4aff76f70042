// Filters naming a record that does not exist are a 400 naming the parameter, never a silently empty list.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { invalidParameter } from '../http/problem.js';

// The table and key column of each kind of record a filter may name (fixed here, never taken from the request).
const TABLES = {
  conduct: sql.raw('conducts where code'),
  provision: sql.raw('provisions where id'),
  instrument: sql.raw('instruments where id'),
  force: sql.raw('forces where id'),
} as const;

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
      if (!(await recordExists(db, kind, id))) throw invalidParameter('query', kind, `unknown ${kind} ${id}`);
    }
  }
}
