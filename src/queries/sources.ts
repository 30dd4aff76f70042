// Queries of sources, with how many records cite each.
import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { recordSources, sources } from '../db/schema/index.js';
import type { Source } from '../domain/sources.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { countWhere } from './source-refs.js';

export interface SourceFilter {
  kind?: string | undefined;
  publisher?: string | undefined;
  language?: string | undefined;
  id?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  count?: boolean | undefined;
}

export async function listSources(
  db: Db,
  f: SourceFilter,
): Promise<{ total?: number | undefined; data: Source[]; next: string | null }> {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(sources.kind, f.kind));
  if (f.publisher) where.push(sql`lower(${sources.publisher}) = lower(${f.publisher})`);
  if (f.language) where.push(eq(sources.language, f.language));
  if (f.id) where.push(eq(sources.id, f.id));
  const total = f.count ? await countWhere(db, sources, where) : undefined;
  const after = decodeCursor(f.cursor, ['id']);
  if (after) where.push(gt(sources.id, after[0]!));
  const rows = await db
    .select()
    .from(sources)
    .where(and(...where))
    .orderBy(asc(sources.id))
    .limit(f.limit + 1);
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  const ids = page.data.map((r) => r.id);
  const cited = ids.length
    ? await db
        .select({ id: recordSources.sourceId, n: count() })
        .from(recordSources)
        .where(inArray(recordSources.sourceId, ids))
        .groupBy(recordSources.sourceId)
    : [];
  const citedBy = new Map(cited.map((c) => [c.id, Number(c.n)]));
  return {
    next: page.next,
    total,
    data: page.data.map(({ publishedDate: _, ...r }) => ({
      ...r,
      kind: r.kind as Source['kind'],
      translation: r.translation as Source['translation'],
      citedBy: citedBy.get(r.id) ?? 0,
    })),
  };
}

export async function getSource(db: Db, id: string): Promise<Source | undefined> {
  const { data } = await listSources(db, { id, limit: 1 });
  return data[0];
}
