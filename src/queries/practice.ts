// Queries of practice notes with their statistics.
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { instruments, practiceNotes, practicePenalties, practiceStatistics, provisions } from '../db/schema/index.js';
import type { PracticeNote, Statistic } from '../domain/practice.js';
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
  const after = decodeCursor(f.cursor, ['id']);
  if (after) where.push(gt(practiceNotes.id, after[0]!));
  const rows = await db
    .select()
    .from(practiceNotes)
    .where(and(...where))
    .orderBy(asc(practiceNotes.id))
    .limit(f.limit + 1);
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  const ids = page.data.map((r) => r.id);
  const [stats, stated, refs] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(practiceStatistics)
          .where(inArray(practiceStatistics.noteId, ids))
          .orderBy(asc(practiceStatistics.ord))
      : Promise.resolve([]),
    ids.length
      ? db
          .select({
            penalty: practicePenalties,
            article: provisions.article,
            heading: provisions.heading,
            instrumentId: instruments.id,
            instrumentTitle: instruments.title,
          })
          .from(practicePenalties)
          .leftJoin(provisions, eq(provisions.id, practicePenalties.provisionId))
          .leftJoin(instruments, eq(instruments.id, provisions.instrumentId))
          .where(inArray(practicePenalties.noteId, ids))
          .orderBy(asc(practicePenalties.ord))
      : Promise.resolve([]),
    sourceRefs(db, 'practice', ids),
  ]);
  const statRefs = await sourceRefs(
    db,
    'statistic',
    stats.map((s) => s.id),
  );
  const statsBy = groupBy(stats, (s) => s.noteId);
  const statedBy = groupBy(stated, (s) => s.penalty.noteId);
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
      statistics: (statsBy.get(r.id) ?? []).map((s): Statistic => ({
        id: s.id,
        measure: s.measure as Statistic['measure'],
        value: s.value,
        valueMax: s.valueMax,
        qualifier: s.qualifier as Statistic['qualifier'],
        from: s.fromText,
        to: s.toText,
        scope: { provisions: s.provisions, conflict: s.conflictId, force: s.forceId, region: s.region },
        sentence:
          s.sentenceKind === null
            ? null
            : {
                kind: s.sentenceKind as NonNullable<Statistic['sentence']>['kind'],
                min: s.sentenceMin,
                max: s.sentenceMax,
                unit: s.sentenceUnit as NonNullable<Statistic['sentence']>['unit'],
              },
        disputed: s.dispute !== null,
        dispute: s.dispute,
        note: s.note,
        basis: s.basis as Statistic['basis'],
        sources: statRefs.get(s.id) ?? [],
      })),
      penaltiesStated: (statedBy.get(r.id) ?? []).map(({ penalty: p, ...ref }) => ({
        id: p.id,
        provision:
          p.provisionId && ref.article !== null && ref.heading !== null
            ? {
                id: p.provisionId,
                article: ref.article,
                heading: ref.heading,
                instrument: { id: ref.instrumentId ?? '', title: ref.instrumentTitle ?? '' },
              }
            : null,
        part: p.part,
        kind: p.kind as PracticeNote['penaltiesStated'][number]['kind'],
        min: p.min,
        max: p.max,
        unit: p.unit as PracticeNote['penaltiesStated'][number]['unit'],
        role: p.role as PracticeNote['penaltiesStated'][number]['role'],
        context: p.context,
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
