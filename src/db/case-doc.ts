// The JSON of a case with its children (charges, sentences, events, disputes, sources), built by SQL once per import
// into case_docs (src/data/import.ts) instead of on every request: the data changes only when data/ is imported, so
// an answer reads the finished document of each case, one column of one row, as a flat list reads its columns.
import { sql, type SQL } from 'drizzle-orm';
import type { Case } from '../domain/cases.js';
import type { SourceRef } from '../domain/common.js';
import { orEmpty, provisionRefJson, sourceRefJson, sourcesJson } from './json.js';

/** A case of the cases row `k` as CaseJson, with its charges, sentences, events, disputes and sources. */
export function caseJson(k: string): SQL {
  const K = sql.raw(k);
  return sql`json_build_object('id', ${K}.id, 'countryCode', ${K}.country_code, 'courtName', ${K}.court_name,
    'courtLevel', ${K}.court_level, 'courtPlace', ${K}.court_place, 'decided', ${K}.decided,
    'decidedDate', ${K}.decided_date, 'decidedPrecision', ${K}.decided_precision, 'dateKind', ${K}.date_kind,
    'dateNote', ${K}.date_note, 'reportedOn', ${K}.reported_on, 'sentenceStart', ${K}.sentence_start,
    'judge', ${K}.judge, 'defendantName', ${K}.defendant_name, 'defendantAge', ${K}.defendant_age,
    'defendantSex', ${K}.defendant_sex, 'citizenships', ${K}.citizenships, 'conducts', ${K}.conducts,
    'side', ${K}.side, 'forceId', ${K}.force_id, 'forceName', (select j_f.name from forces j_f where j_f.id = ${K}.force_id),
    'conflictId', ${K}.conflict_id,
    'conflictName', (select j_cf.name from conflicts j_cf where j_cf.id = ${K}.conflict_id),
    'outcome', ${K}.outcome, 'appealStatus', ${K}.appeal_status, 'appealNote', ${K}.appeal_note,
    'summary', ${K}.summary, 'basis', ${K}.basis, 'sources', ${sourcesJson('case', sql.raw(`${k}.id`))},
    'charges', ${orEmpty(sql`select json_agg(json_build_object('id', j_cc.id, 'provision', ${provisionRefJson('j_pr', 'j_pi')},
        'part', j_cc.part, 'scope', j_pr.scope, 'note', j_cc.note) order by j_cc.ord)
      from case_charges j_cc join provisions j_pr on j_pr.id = j_cc.provision_id
        join instruments j_pi on j_pi.id = j_pr.instrument_id
      where j_cc.case_id = ${K}.id`)},
    'sentences', ${orEmpty(sql`select json_agg(json_build_object('kind', j_cs.kind, 'years', j_cs.years,
        'months', j_cs.months, 'days', j_cs.days, 'totalMonths', j_cs.total_months, 'amount', j_cs.amount,
        'unit', j_cs.unit, 'regime', j_cs.regime, 'suspended', j_cs.suspended,
        'probationMonths', j_cs.probation_months) order by j_cs.ord)
      from case_sentences j_cs where j_cs.case_id = ${K}.id`)},
    'events', ${orEmpty(sql`select json_agg(json_build_object('date', j_ce.date, 'kind', j_ce.kind, 'note', j_ce.note,
        'sources', ${sourcesJson('event', sql.raw('j_ce.id'))}) order by j_ce.ord)
      from case_events j_ce where j_ce.case_id = ${K}.id`)},
    'disputes', ${orEmpty(sql`select json_agg(json_build_object('field', j_d.value -> 'field', 'note', j_d.value -> 'note',
        'sources', ${orEmpty(sql`select json_agg(${sourceRefJson('j_ds')} order by j_x.n)
          from jsonb_array_elements_text(j_d.value -> 'sources') with ordinality j_x(id, n)
          join sources j_ds on j_ds.id = j_x.id`)}) order by j_d.n)
      from jsonb_array_elements(${K}.disputes) with ordinality j_d(value, n)`)})`;
}

/** A case as caseJson builds it. */
export interface CaseJson {
  id: string;
  countryCode: string;
  courtName: string | null;
  courtLevel: string | null;
  courtPlace: string | null;
  decided: string;
  decidedDate: string;
  decidedPrecision: string;
  dateKind: string;
  dateNote: string | null;
  reportedOn: string | null;
  sentenceStart: string | null;
  judge: string | null;
  defendantName: string | null;
  defendantAge: number | null;
  defendantSex: string | null;
  citizenships: string[];
  conducts: string[];
  side: string | null;
  forceId: string | null;
  forceName: string | null;
  conflictId: string | null;
  conflictName: string | null;
  outcome: string;
  appealStatus: string | null;
  appealNote: string | null;
  summary: string;
  basis: string;
  sources: SourceRef[];
  charges: {
    id: string;
    provision: Case['charges'][number]['provision'];
    part: string | null;
    scope: string;
    note: string | null;
  }[];
  sentences: {
    kind: string;
    years: number | null;
    months: number | null;
    days: number | null;
    totalMonths: number | null;
    amount: number | null;
    unit: string | null;
    regime: string | null;
    suspended: boolean;
    probationMonths: number | null;
  }[];
  events: { date: string | null; kind: string; note: string; sources: SourceRef[] }[];
  disputes: { field: string; note: string; sources: SourceRef[] }[];
}

/** Writes case_docs for every case (or those `where` keeps, a condition on `k`): run by the import, in its
 * transaction, after every table is written, and by the benchmark for the synthetic cases it adds. */
export async function writeCaseDocs(tx: { execute(q: SQL): Promise<unknown> }, where?: SQL): Promise<void> {
  await tx.execute(
    sql`insert into case_docs (case_id, doc) select k.id, ${caseJson('k')} from cases k ${where ? sql`where ${where}` : sql``}`,
  );
}
