// Queries of countries: the country rows, their gaps, sources and record counts, in one statement.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { SourceRef } from '../domain/common.js';
import type { Country } from '../domain/countries.js';
import { orEmpty, sourcesJson } from '../db/json.js';

interface CountryRow {
  code: string;
  name: string;
  name_original: string | null;
  summary: string | null;
  instruments: number;
  provisions: number;
  cases: number;
  practice_notes: number;
  gaps: { topic: string; note: string }[];
  sources: SourceRef[];
}

export async function listCountries(db: Db, code?: string): Promise<Country[]> {
  // The counts by country code (indexed), as many as the country has of each kind of record.
  const rows = await queryRows<CountryRow>(
    db,
    sql`select c.code, c.name, c.name_original, c.summary,
        (select count(*)::int from instruments x where x.country_code = c.code) as instruments,
        (select count(*)::int from provisions x where x.country_code = c.code) as provisions,
        (select count(*)::int from cases x where x.country_code = c.code) as cases,
        (select count(*)::int from practice_notes x where x.country_code = c.code) as practice_notes,
        ${orEmpty(sql`select json_agg(json_build_object('topic', g.topic, 'note', g.note) order by g.ord)
          from country_gaps g where g.country_code = c.code`)} as gaps,
        ${sourcesJson('country', sql`c.code`)} as sources
      from countries c ${code ? sql`where c.code = ${code}` : sql``}
      order by c.code`,
  );
  return rows.map((c) => ({
    code: c.code as Country['code'],
    name: c.name,
    nameOriginal: c.name_original,
    summary: c.summary ?? '',
    counts: {
      instruments: c.instruments,
      provisions: c.provisions,
      cases: c.cases,
      practiceNotes: c.practice_notes,
    },
    gaps: c.gaps.map((g) => ({ topic: g.topic as Country['gaps'][number]['topic'], note: g.note })),
    sources: c.sources,
  }));
}

export async function getCountry(db: Db, code: string): Promise<Country | undefined> {
  const [row] = await listCountries(db, code);
  return row;
}
