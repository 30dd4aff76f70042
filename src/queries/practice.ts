// Queries of practice notes with their statistics.
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { practiceNotes } from '../db/schema/index.js';
import type { SourceRef } from '../domain/common.js';
import type { PracticeNote, Statistic } from '../domain/practice.js';
import { pageRows, type KeyKind, type PageKey } from '../domain/paging.js';
import { orEmpty } from '../db/json.js';

export interface PracticeFilter {
  country?: string | undefined;
  kind?: string | undefined;
  stance?: string | undefined;
  id?: string | undefined;
  limit: number;
  after?: readonly string[] | undefined;
  count?: boolean | undefined;
}

/** A practice note as practiceNoteJson (src/db/json.ts) builds it: practice_notes.doc. */
export interface NoteJson {
  id: string;
  countryCode: string;
  kind: string;
  stance: string | null;
  fromText: string | null;
  toText: string | null;
  statement: string;
  basis: string;
  sources: SourceRef[];
  statistics: {
    id: string;
    measure: string;
    value: number;
    valueMax: number | null;
    qualifier: string;
    fromText: string | null;
    toText: string | null;
    provisions: string[];
    conflictId: string | null;
    forceId: string | null;
    region: string | null;
    sentenceKind: string | null;
    sentenceMin: number | null;
    sentenceMax: number | null;
    sentenceUnit: string | null;
    dispute: string | null;
    note: string | null;
    basis: string;
    sources: SourceRef[];
  }[];
  penaltiesStated: {
    id: string;
    provisionId: string | null;
    article: string | null;
    heading: string | null;
    instrumentId: string | null;
    instrumentTitle: string | null;
    part: string | null;
    kind: string;
    min: number | null;
    max: number | null;
    unit: string | null;
    role: string;
    context: string | null;
  }[];
}

/** The domain PracticeNote of a note built in SQL. */
export function toPracticeNote(r: NoteJson): PracticeNote {
  return {
    id: r.id,
    country: r.countryCode as PracticeNote['country'],
    kind: r.kind as PracticeNote['kind'],
    stance: r.stance as PracticeNote['stance'],
    from: r.fromText,
    to: r.toText,
    statement: r.statement,
    statistics: r.statistics.map((s): Statistic => ({
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
      sources: s.sources,
    })),
    penaltiesStated: r.penaltiesStated.map((p) => ({
      id: p.id,
      provision:
        p.provisionId && p.article !== null && p.heading !== null
          ? {
              id: p.provisionId,
              article: p.article,
              heading: p.heading,
              instrument: { id: p.instrumentId ?? '', title: p.instrumentTitle ?? '' },
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
    sources: r.sources,
  };
}

/** The sort key of the practice list: the id. */
export const PRACTICE_KEY: readonly KeyKind[] = ['id'];

/** A page of practice notes (and the total when asked) in one statement. */
export async function listPractice(
  db: Db,
  f: PracticeFilter,
): Promise<{ total?: number | undefined; data: PracticeNote[]; nextKey: PageKey | null }> {
  const where: SQL[] = [];
  if (f.country) where.push(eq(practiceNotes.countryCode, f.country));
  if (f.kind) where.push(eq(practiceNotes.kind, f.kind));
  if (f.stance) where.push(eq(practiceNotes.stance, f.stance));
  if (f.id) where.push(eq(practiceNotes.id, f.id));
  const counted = and(...where) ?? sql`true`;
  const after = f.after;
  if (after) where.push(gt(practiceNotes.id, after[0]!));
  const [row] = await queryRows<{ total: number | null; data: NoteJson[] }>(
    db,
    sql`select ${f.count ? sql`(select count(*)::int from practice_notes where ${counted})` : sql`null::int`} as total,
      ${orEmpty(sql`select json_agg(j_n.doc order by j_n.id)
        from (select * from practice_notes where ${and(...where) ?? sql`true`}
          order by practice_notes.id limit ${f.limit + 1}) j_n`)} as data`,
  );
  const page = pageRows(row!.data, f.limit, (r) => [r.id]);
  return {
    nextKey: page.nextKey,
    total: f.count ? (row!.total ?? 0) : undefined,
    data: page.data.map(toPracticeNote),
  };
}

export async function getPracticeNote(db: Db, id: string): Promise<PracticeNote | undefined> {
  const { data } = await listPractice(db, { id, limit: 1 });
  return data[0];
}
