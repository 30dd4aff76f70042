// Queries of instruments (codes, laws, amnesty acts), with what replaced them and their provision counts: one
// statement.
import { and, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { SourceRef } from '../domain/common.js';
import type { Instrument } from '../domain/instruments.js';
import type { instruments } from '../db/schema/index.js';
import { orEmpty, sourcesJson } from '../db/json.js';

type InstrumentRow = typeof instruments.$inferSelect & {
  replacedBy: string[];
  provisionCount: number;
  sources: SourceRef[];
};

export async function listInstruments(
  db: Db,
  f: { country?: string; kind?: string; id?: string },
): Promise<Instrument[]> {
  const where: SQL[] = [];
  if (f.country) where.push(sql`i.country_code = ${f.country}`);
  if (f.kind) where.push(sql`i.kind = ${f.kind}`);
  if (f.id) where.push(sql`i.id = ${f.id}`);
  const [row] = await queryRows<{ data: InstrumentRow[] }>(
    db,
    sql`select ${orEmpty(sql`select json_agg(json_build_object('id', i.id, 'countryCode', i.country_code,
          'kind', i.kind, 'title', i.title, 'titleOriginal', i.title_original, 'number', i.number,
          'adopted', i.adopted, 'signed', i.signed, 'published', i.published, 'inForceFrom', i.in_force_from,
          'inForceTo', i.in_force_to, 'datesNote', i.dates_note, 'officialUrl', i.official_url,
          'replaces', i.replaces, 'summary', i.summary, 'basis', i.basis,
          'replacedBy', ${orEmpty(sql`select json_agg(x.id order by x.id) from instruments x where x.replaces = i.id`)},
          'provisionCount', (select count(*)::int from provisions x where x.instrument_id = i.id),
          'sources', ${sourcesJson('instrument', sql`i.id`)}) order by i.country_code, i.id)
        from instruments i where ${and(...where) ?? sql`true`}`)} as data`,
  );
  return row!.data.map((r) => ({
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
    replacedBy: r.replacedBy,
    summary: r.summary,
    provisionCount: r.provisionCount,
    basis: r.basis as Instrument['basis'],
    sources: r.sources,
  }));
}
