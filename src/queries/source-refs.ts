// Loads the sources of many records in one query: record id -> source references, in the order the data gives.
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { recordSources, sources } from '../db/schema/index.js';
import type { RecordType } from '../domain/vocabulary.js';
import type { SourceRef } from '../domain/common.js';

export type { SourceRef };

const REF_COLUMNS = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  url: sources.url,
  published: sources.published,
  kind: sources.kind,
};

/** Source references by source id (for facts that cite sources directly, such as a case's disputes). */
export async function sourceRefsById(db: Db, ids: readonly string[]): Promise<Map<string, SourceRef[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(REF_COLUMNS)
    .from(sources)
    .where(inArray(sources.id, [...ids]));
  return new Map(rows.map((r) => [r.id, [{ ...r, kind: r.kind as SourceRef['kind'] }]]));
}

export async function sourceRefs(db: Db, type: RecordType, ids: readonly string[]): Promise<Map<string, SourceRef[]>> {
  const out = new Map<string, SourceRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ recordId: recordSources.recordId, ...REF_COLUMNS })
    .from(recordSources)
    .innerJoin(sources, eq(sources.id, recordSources.sourceId))
    .where(and(eq(recordSources.recordType, type), inArray(recordSources.recordId, [...new Set(ids)])))
    .orderBy(asc(recordSources.recordId), asc(recordSources.ord));
  for (const { recordId, ...r } of rows) {
    const ref = { ...r, kind: r.kind as SourceRef['kind'] };
    const list = out.get(recordId);
    if (list) list.push(ref);
    else out.set(recordId, [ref]);
  }
  return out;
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The number of rows of `table` matching `where` (for `count=true` on lists). */
export async function countWhere(db: Db, table: PgTable, where: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(table)
    .where(and(...where));
  return Number(row?.n ?? 0);
}
