// Queries of sources, with how many records cite each.
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { sources } from '../db/schema/index.js';
import type { Source } from '../domain/sources.js';
import { pageRows, type KeyKind, type PageKey } from '../domain/paging.js';
import { orEmpty } from '../db/json.js';

export interface SourceFilter {
  kind?: string | undefined;
  publisher?: string | undefined;
  language?: string | undefined;
  id?: string | undefined;
  limit: number;
  after?: readonly string[] | undefined;
  count?: boolean | undefined;
}

/** The sort key of the sources list: the id. */
export const SOURCES_KEY: readonly KeyKind[] = ['id'];

/** A page of sources with how many records cite each (and the total when asked), in one statement. */
export async function listSources(
  db: Db,
  f: SourceFilter,
): Promise<{ total?: number | undefined; data: Source[]; nextKey: PageKey | null }> {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(sources.kind, f.kind));
  if (f.publisher) where.push(sql`lower(${sources.publisher}) = lower(${f.publisher})`);
  if (f.language) where.push(eq(sources.language, f.language));
  if (f.id) where.push(eq(sources.id, f.id));
  const counted = and(...where) ?? sql`true`;
  const after = f.after;
  if (after) where.push(gt(sources.id, after[0]!));
  const [row] = await queryRows<{ total: number | null; data: (Omit<Source, 'kind' | 'translation'> & SourceKinds)[] }>(
    db,
    sql`select ${f.count ? sql`(select count(*)::int from sources where ${counted})` : sql`null::int`} as total,
      ${orEmpty(sql`select json_agg(json_build_object('id', j_s.id, 'url', j_s.url, 'title', j_s.title,
          'publisher', j_s.publisher, 'published', j_s.published, 'retrieved', j_s.retrieved, 'kind', j_s.kind,
          'language', j_s.language, 'translation', j_s.translation, 'translator', j_s.translator, 'note', j_s.note,
          'citedBy', (select count(*)::int from record_sources j_rs where j_rs.source_id = j_s.id)) order by j_s.id)
        from (select * from sources where ${and(...where) ?? sql`true`} order by sources.id limit ${f.limit + 1}) j_s`)} as data`,
  );
  const page = pageRows(row!.data, f.limit, (r) => [r.id]);
  return {
    nextKey: page.nextKey,
    total: f.count ? (row!.total ?? 0) : undefined,
    data: page.data.map((r) => ({
      ...r,
      kind: r.kind as Source['kind'],
      translation: r.translation as Source['translation'],
    })),
  };
}

type SourceKinds = { kind: string; translation: string | null };

export async function getSource(db: Db, id: string): Promise<Source | undefined> {
  const { data } = await listSources(db, { id, limit: 1 });
  return data[0];
}
