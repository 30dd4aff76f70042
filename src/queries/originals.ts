// The headings and titles in the original language, for pages in a language other than English: provision id ->
// headingOriginal and instrument id -> titleOriginal, for the ids a page shows (two queries at most).
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { instruments, provisions } from '../db/schema/index.js';

export interface Originals {
  headings: Map<string, string>;
  titles: Map<string, string>;
}

export async function originalsOf(
  db: Db,
  provisionIds: readonly string[],
  instrumentIds: readonly string[],
): Promise<Originals> {
  const [h, i] = [
    provisionIds.length
      ? await db
          .select({ id: provisions.id, text: provisions.headingOriginal })
          .from(provisions)
          .where(inArray(provisions.id, [...new Set(provisionIds)]))
      : [],
    instrumentIds.length
      ? await db
          .select({ id: instruments.id, text: instruments.titleOriginal })
          .from(instruments)
          .where(inArray(instruments.id, [...new Set(instrumentIds)]))
      : [],
  ];
  const keep = (rows: { id: string; text: string | null }[]) =>
    new Map(rows.filter((r) => r.text).map((r) => [r.id, r.text!] as const));
  return { headings: keep(h), titles: keep(i) };
}
