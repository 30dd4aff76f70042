// Queries of practice notes with their statistics.
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { practiceNotes, practiceStatistics } from '../db/schema/index.js';
import type { PracticeNote } from '../domain/practice.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { countWhere, groupBy, sourceRefs } from './source-refs.js';

export interface PracticeFilter {
  country?: string | undefined;
  kind?: string | undefined;
  stance?: string | undefined;
  id?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  count?: boolean | undefined;
}

export async function listPractice(
  db: Db,
  f: PracticeFilter,
): Promise<{ total?: number | undefined; data: PracticeNote[]; next: string | null }> {
  const where: SQL[] = [];
  if (f.country) where.push(eq(practiceNotes.countryCode, f.country));
  if (f.kind) where.push(eq(practiceNotes.kind, f.kind));
  if (f.stance) where.push(eq(practiceNotes.stance, f.stance));
  if (f.id) where.push(eq(practiceNotes.id, f.id));
  const total = f.count ? await countWhere(db, practiceNotes, where) : undefined;
  const after = decodeCursor(f.cursor, 1);
  if (after) where.push(gt(practiceNotes.id, after[0]!));
  const rows = await db
    .select()
    .from(practiceNotes)
    .where(and(...where))
    .orderBy(asc(practiceNotes.id))
    .limit(f.limit + 1);
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  const ids = page.data.map((r) => r.id);
  const [stats, refs] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(practiceStatistics)
          .where(inArray(practiceStatistics.noteId, ids))
          .orderBy(asc(practiceStatistics.ord))
      : Promise.resolve([]),
    sourceRefs(db, 'practice', ids),
  ]);
  const statsBy = groupBy(stats, (s) => s.noteId);
  return {
    next: page.next,
    total,
    data: page.data.map((r) => ({
      id: r.id,
      country: r.countryCode as PracticeNote['country'],
      kind: r.kind as PracticeNote['kind'],
      stance: r.stance as PracticeNote['stance'],
      from: r.fromText,
      to: r.toText,
      statement: r.statement,
      statistics: (statsBy.get(r.id) ?? []).map((s) => ({
        year: s.year,
        casesOpened: s.casesOpened,
        convictions: s.convictions,
        note: s.note,
      })),
      basis: r.basis as PracticeNote['basis'],
      sources: refs.get(r.id) ?? [],
    })),
  };
}

export async function getPracticeNote(db: Db, id: string): Promise<PracticeNote | undefined> {
  const { data } = await listPractice(db, { id, limit: 1 });
  return data[0];
}
