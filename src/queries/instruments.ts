// Queries of instruments (codes, laws, amnesty acts), with what replaced them and their provision counts.
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Instrument } from '../domain/instruments.js';
import { instruments, provisions } from '../db/schema/index.js';
import { sourceRefs } from './source-refs.js';

export async function listInstruments(
  db: Db,
  f: { country?: string; kind?: string; id?: string },
): Promise<Instrument[]> {
  const where: SQL[] = [];
  if (f.country) where.push(eq(instruments.countryCode, f.country));
  if (f.kind) where.push(eq(instruments.kind, f.kind));
  if (f.id) where.push(eq(instruments.id, f.id));
  const rows = await db
    .select()
    .from(instruments)
    .where(and(...where))
    .orderBy(asc(instruments.countryCode), asc(instruments.id));
  const [all, counts, refs] = await Promise.all([
    rows.length
      ? db
          .select({ id: instruments.id, replaces: instruments.replaces })
          .from(instruments)
          .where(
            inArray(
              instruments.replaces,
              rows.map((r) => r.id),
            ),
          )
      : Promise.resolve([]),
    rows.length
      ? db
          .select({ id: provisions.instrumentId, n: count() })
          .from(provisions)
          .where(
            inArray(
              provisions.instrumentId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(provisions.instrumentId)
      : Promise.resolve([]),
    sourceRefs(
      db,
      'instrument',
      rows.map((r) => r.id),
    ),
  ]);
  const nProvisions = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    country: r.countryCode as Instrument['country'],
    kind: r.kind as Instrument['kind'],
    title: r.title,
    titleOriginal: r.titleOriginal,
    number: r.number,
    adopted: r.adopted,
    signed: r.signed,
    published: r.published,
    inForceFrom: r.inForceFrom,
    inForceTo: r.inForceTo,
    datesNote: r.datesNote,
    officialUrl: r.officialUrl,
    replaces: r.replaces,
    replacedBy: all.filter((x) => x.replaces === r.id).map((x) => x.id),
    summary: r.summary,
    provisionCount: nProvisions.get(r.id) ?? 0,
    basis: r.basis as Instrument['basis'],
    sources: refs.get(r.id) ?? [],
  }));
}
