// Shared SQL fragments that build JSON in the database, so that an answer with its children (versions, parts,
// penalties, sources, charges, sentences) is one statement. Each returns a drizzle `sql` fragment correlated to an
// outer row by the expression it is given; the aliases inside are prefixed (j_*) so they never shadow the outer ones.
// The rows come back as JSON that the mappers of each query module turn into the domain types.
import { sql, type SQL } from 'drizzle-orm';
import type { RecordType } from '../domain/vocabulary.js';

/** The JSON of an empty array when `agg` finds no row. */
export const orEmpty = (agg: SQL): SQL => sql`coalesce((${agg}), '[]'::json)`;

/** A source reference (SourceRef) of the sources row `s`. */
export const sourceRefJson = (s: string): SQL =>
  sql.raw(
    `json_build_object('id', ${s}.id, 'title', ${s}.title, 'publisher', ${s}.publisher, 'url', ${s}.url, ` +
      `'published', ${s}.published, 'kind', ${s}.kind)`,
  );

/** The sources of a record of a type, in the data's order, as a JSON array of SourceRef. */
export function sourcesJson(type: RecordType, recordId: SQL): SQL {
  return orEmpty(sql`select json_agg(${sourceRefJson('j_s')} order by j_rs.ord)
    from record_sources j_rs join sources j_s on j_s.id = j_rs.source_id
    where j_rs.record_type = ${sql.raw(`'${type}'`)} and j_rs.record_id = ${recordId}`);
}

/** A provision reference (ProvisionRef) of the provisions row `p` and its instruments row `i`. */
export const provisionRefJson = (p: string, i: string): SQL =>
  sql.raw(
    `json_build_object('id', ${p}.id, 'article', ${p}.article, 'heading', ${p}.heading, ` +
      `'instrument', json_build_object('id', ${i}.id, 'title', ${i}.title))`,
  );

/** A penalty of the penalties row `x`, with its sources (the dispute flag is the mapper's: it compares siblings). */
const penaltyJson = (x: string): SQL => sql`json_build_object('id', ${sql.raw(x)}.id, 'kind', ${sql.raw(x)}.kind,
  'min', ${sql.raw(x)}.min, 'max', ${sql.raw(x)}.max, 'unit', ${sql.raw(x)}.unit, 'role', ${sql.raw(x)}.role,
  'mandatory', ${sql.raw(x)}.mandatory, 'disputeNote', ${sql.raw(x)}.dispute_note, 'context', ${sql.raw(x)}.context,
  'basis', ${sql.raw(x)}.basis, 'sources', ${sourcesJson('penalty', sql.raw(`${x}.id`))})`;

/** The JSON of a version as VersionJson (see provisions.ts toVersion). */
const versionJson = sql`json_build_object('id', j_v.id, 'provisionId', j_v.provision_id,
  'validFrom', j_v.valid_from, 'validFromLatest', j_v.valid_from_latest, 'validTo', j_v.valid_to,
  'validToLatest', j_v.valid_to_latest, 'validFromText', j_v.valid_from_text, 'validToText', j_v.valid_to_text,
  'amendedBy', j_v.amended_by, 'basis', j_v.basis, 'textUnknown', j_v.text_unknown, 'note', j_v.note,
  'sources', ${sourcesJson('version', sql.raw('j_v.id'))},
  'parts', ${orEmpty(sql`select json_agg(json_build_object('part', j_p.part, 'elements', j_p.elements,
      'excerpt', j_p.excerpt, 'category', j_p.category, 'conducts', j_p.conducts,
      'penalties', ${orEmpty(sql`select json_agg(${penaltyJson('j_x')} order by j_x.ord) from penalties j_x
        where j_x.part_id = j_p.id`)}) order by j_p.ord)
    from provision_parts j_p where j_p.version_id = j_v.id`)},
  'exemptions', ${orEmpty(sql`select json_agg(json_build_object('id', j_e.id, 'conditions', j_e.conditions,
      'effect', j_e.effect, 'text', j_e.text, 'excerpt', j_e.excerpt) order by j_e.ord)
    from exemptions j_e where j_e.version_id = j_v.id`)})`;

/** Fills provision_versions.doc for every version (parts, penalties, exemptions, sources): run by the import, in its
 * transaction, after every table is written, so that answers read each version whole instead of building it. */
export async function writeVersionDocs(tx: { execute(q: SQL): Promise<unknown> }): Promise<void> {
  await tx.execute(sql`update provision_versions j_v set doc = ${versionJson}`);
}

/** The versions of a provision, oldest first, with parts, penalties, exemptions and sources, as a JSON array (each
 * the doc the import wrote); with `date`, only those in force (or possibly in force) on it, the rule of inForceOn in
 * provisions.ts. */
export function versionsJson(provisionId: SQL, date?: string): SQL {
  return orEmpty(sql`select json_agg(j_v.doc order by j_v.ord) from provision_versions j_v
    where j_v.provision_id = ${provisionId}
    ${date ? sql`and j_v.valid_from <= ${date} and (j_v.valid_to_latest is null or j_v.valid_to_latest > ${date})` : sql``}`);
}

/** A practice note of the practice_notes row `n` as NoteJson (queries/practice.ts), with its statistics, stated
 * penalties and sources: what writePracticeDocs stores in practice_notes.doc. */
export function practiceNoteJson(n: string): SQL {
  const N = sql.raw(n);
  return sql`json_build_object('id', ${N}.id, 'countryCode', ${N}.country_code, 'kind', ${N}.kind,
    'stance', ${N}.stance, 'fromText', ${N}.from_text, 'toText', ${N}.to_text, 'statement', ${N}.statement,
    'basis', ${N}.basis, 'sources', ${sourcesJson('practice', sql.raw(`${n}.id`))},
    'statistics', ${orEmpty(sql`select json_agg(json_build_object('id', j_st.id, 'measure', j_st.measure,
        'value', j_st.value, 'valueMax', j_st.value_max, 'qualifier', j_st.qualifier, 'fromText', j_st.from_text,
        'toText', j_st.to_text, 'provisions', j_st.provisions, 'conflictId', j_st.conflict_id,
        'forceId', j_st.force_id, 'region', j_st.region, 'sentenceKind', j_st.sentence_kind,
        'sentenceMin', j_st.sentence_min, 'sentenceMax', j_st.sentence_max, 'sentenceUnit', j_st.sentence_unit,
        'dispute', j_st.dispute, 'note', j_st.note, 'basis', j_st.basis,
        'sources', ${sourcesJson('statistic', sql.raw('j_st.id'))}) order by j_st.ord)
      from practice_statistics j_st where j_st.note_id = ${N}.id`)},
    'penaltiesStated', ${orEmpty(sql`select json_agg(json_build_object('id', j_pp.id,
        'provisionId', j_pp.provision_id, 'article', j_pr.article, 'heading', j_pr.heading,
        'instrumentId', j_pi.id, 'instrumentTitle', j_pi.title, 'part', j_pp.part, 'kind', j_pp.kind,
        'min', j_pp.min, 'max', j_pp.max, 'unit', j_pp.unit, 'role', j_pp.role, 'context', j_pp.context)
        order by j_pp.ord)
      from practice_penalties j_pp left join provisions j_pr on j_pr.id = j_pp.provision_id
        left join instruments j_pi on j_pi.id = j_pr.instrument_id
      where j_pp.note_id = ${N}.id`)})`;
}

/** Fills practice_notes.doc for every note (statistics, stated penalties, sources), as writeVersionDocs does for the
 * versions: answers that give notes (consequences, compare, the practice list) aggregate the stored documents. */
export async function writePracticeDocs(tx: { execute(q: SQL): Promise<unknown> }): Promise<void> {
  await tx.execute(sql`update practice_notes j_n set doc = ${practiceNoteJson('j_n')}`);
}
