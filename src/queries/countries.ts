// Queries of countries: the country rows, their gaps, sources and record counts.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cases, countries, countryGaps, instruments, practiceNotes, provisions } from '../db/schema/index.js';
import type { Country } from '../domain/countries.js';
import { groupBy, sourceRefs } from './source-refs.js';

async function countBy(db: Db, table: typeof cases | typeof instruments | typeof practiceNotes | typeof provisions) {
  const rows = await db.select({ code: table.countryCode, n: count() }).from(table).groupBy(table.countryCode);
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}

export async function listCountries(db: Db, code?: string): Promise<Country[]> {
  const rows = await db
    .select()
    .from(countries)
    .where(code ? eq(countries.code, code) : sql`true`)
    .orderBy(asc(countries.code));
  const codes = rows.map((r) => r.code);
  const [gaps, refs, nInstruments, nProvisions, nCases, nPractice] = await Promise.all([
    db.select().from(countryGaps).orderBy(asc(countryGaps.countryCode), asc(countryGaps.ord)),
    sourceRefs(db, 'country', codes),
    countBy(db, instruments),
    countBy(db, provisions),
    countBy(db, cases),
    countBy(db, practiceNotes),
  ]);
  const gapsBy = groupBy(gaps, (g) => g.countryCode);
  return rows.map((c) => ({
    code: c.code as Country['code'],
    name: c.name,
    nameOriginal: c.nameOriginal,
    summary: c.summary ?? '',
    counts: {
      instruments: nInstruments.get(c.code) ?? 0,
      provisions: nProvisions.get(c.code) ?? 0,
      cases: nCases.get(c.code) ?? 0,
      practiceNotes: nPractice.get(c.code) ?? 0,
    },
    gaps: (gapsBy.get(c.code) ?? []).map((g) => ({ topic: g.topic as Country['gaps'][number]['topic'], note: g.note })),
    sources: refs.get(c.code) ?? [],
  }));
}

export async function getCountry(db: Db, code: string): Promise<Country | undefined> {
  const [row] = await listCountries(db, code);
  return row;
}
