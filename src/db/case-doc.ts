// The JSON of a case with its children (charges, sentences, events, disputes, sources), built by SQL once per import
// into case_docs (src/data/import.ts) instead of on every request: the data changes only when data/ is imported, so
// an answer reads the finished document of each case, one column of one row, as a flat list reads its columns.
import { sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { safeEncode } from 'zod/v4/core';
import { CaseSchema, type Case } from '../domain/cases.js';
import {
  APPEAL_STATUSES,
  BASES,
  COUNTRY_CODES,
  COURT_LEVELS,
  DATE_KINDS,
  EVENT_KINDS,
  OUTCOMES,
  PENALTY_KINDS,
  PROVISION_SCOPES,
  SIDES,
  SOURCE_KINDS,
} from '../domain/vocabulary.js';
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

/** The domain Case of a case document (the API's Case before its schema encodes it). */
export function toCase(r: CaseJson): Case {
  return {
    id: r.id,
    country: r.countryCode as Case['country'],
    court: { name: r.courtName, level: r.courtLevel as Case['court']['level'], place: r.courtPlace },
    decided: {
      date: r.decided,
      precision: r.decidedPrecision as Case['decided']['precision'],
      kind: r.dateKind as Case['decided']['kind'],
      note: r.dateNote,
      reported: r.reportedOn,
      sentenceStart: r.sentenceStart,
    },
    judge: r.judge,
    defendant: {
      name: r.defendantName,
      age: r.defendantAge,
      sex: r.defendantSex as Case['defendant']['sex'],
      citizenships: r.citizenships,
    },
    charges: r.charges.map((c) => ({
      id: c.id,
      provision: c.provision,
      part: c.part,
      scope: c.scope as Case['charges'][number]['scope'],
      note: c.note,
    })),
    conducts: r.conducts,
    side: r.side as Case['side'],
    force: r.forceId ? { id: r.forceId, name: r.forceName ?? r.forceId } : null,
    conflict: r.conflictId ? { id: r.conflictId, name: r.conflictName ?? r.conflictId } : null,
    outcome: r.outcome as Case['outcome'],
    sentences: r.sentences.map((s) => ({
      kind: s.kind as Case['sentences'][number]['kind'],
      years: s.years,
      months: s.months,
      days: s.days,
      totalMonths: s.totalMonths,
      amount: s.amount,
      unit: s.unit,
      regime: s.regime,
      suspended: s.suspended,
      probationMonths: s.probationMonths,
    })),
    appeal:
      r.appealStatus || r.appealNote
        ? { status: r.appealStatus as NonNullable<Case['appeal']>['status'], note: r.appealNote }
        : null,
    events: r.events.map((e) => ({
      date: e.date,
      kind: e.kind as Case['events'][number]['kind'],
      note: e.note,
      sources: e.sources,
    })),
    disputes: r.disputes.map((d) => ({ field: d.field, note: d.note, sources: d.sources })),
    summary: r.summary,
    basis: r.basis as Case['basis'],
    sources: r.sources,
  };
}

/** A case's JSON as the API sends it: the domain Case of its doc, encoded by CaseSchema and serialised, exactly as
 * the route's serializer (fastify-type-provider-zod) would. A doc the schema refuses fails the import. */
export function caseBody(doc: CaseJson): string {
  const encoded = safeEncode(CaseSchema, toCase(doc));
  if (!encoded.success)
    throw new Error(`case ${doc.id}: its document does not encode as a Case: ${encoded.error.message}`);
  return JSON.stringify(encoded.data);
}

/** A case document with every field set (and one of each child), for caseBodyVersion. */
const PROBE: CaseJson = {
  id: 'probe',
  countryCode: COUNTRY_CODES[0],
  courtName: 'court',
  courtLevel: COURT_LEVELS[0],
  courtPlace: 'place',
  decided: '2024-01-02',
  decidedDate: '2024-01-02',
  decidedPrecision: 'day',
  dateKind: DATE_KINDS[0],
  dateNote: 'date note',
  reportedOn: '2024-01-03',
  sentenceStart: '2024-01-04',
  judge: 'judge',
  defendantName: 'name',
  defendantAge: 30,
  defendantSex: 'male',
  citizenships: [COUNTRY_CODES[0]],
  conducts: ['conduct'],
  side: SIDES[0],
  forceId: 'force',
  forceName: 'force name',
  conflictId: 'conflict',
  conflictName: 'conflict name',
  outcome: OUTCOMES[0],
  appealStatus: APPEAL_STATUSES[0],
  appealNote: 'appeal note',
  summary: 'summary',
  basis: BASES[0],
  sources: [
    { id: 's', title: 't', publisher: 'p', url: 'https://example.org/', published: '2024', kind: SOURCE_KINDS[0] },
  ],
  charges: [
    {
      id: 'c',
      provision: { id: 'p', article: '1', heading: 'h', instrument: { id: 'i', title: 't' } },
      part: '1',
      scope: PROVISION_SCOPES[0],
      note: 'note',
    },
  ],
  sentences: [
    {
      kind: PENALTY_KINDS[0],
      years: 1,
      months: 2,
      days: 3,
      totalMonths: 14,
      amount: 4,
      unit: 'unit',
      regime: 'regime',
      suspended: true,
      probationMonths: 5,
    },
  ],
  events: [{ date: '2024-02-01', kind: EVENT_KINDS[0], note: 'note', sources: [] }],
  disputes: [{ field: 'field', note: 'note', sources: [] }],
};

/** What writeCaseBodies' result depends on besides its statements (computed when first asked, by derivedVersion;
 * not at start-up of every process that imports this module): the mapping and the schema, as the body of a
 * document with every field set and the JSON Schema of a case (part of the derived version, src/db/derived.ts, so
 * that a change to either rewrites the bodies; the output, not the code's text, which tsx and tsc compile apart). */
export function caseBodyVersion(): string {
  return (bodyVersion ??= createHash('sha256')
    .update(caseBody(PROBE))
    .update(JSON.stringify(z.toJSONSchema(CaseSchema, { io: 'output', unrepresentable: 'any' })))
    .digest('hex')
    .slice(0, 16));
}
let bodyVersion: string | undefined;

/** Fills case_docs.body where it is empty (every case after the import's writeCaseDocs; the synthetic cases the bench
 * adds), a batch of cases at a time in the order of their ids (each row visited once), in the caller's transaction. */
export async function writeCaseBodies(tx: { execute(q: SQL): Promise<unknown> }, batch = 2000): Promise<void> {
  let last = '';
  for (;;) {
    const result = (await tx.execute(
      sql`select case_id, doc from case_docs where case_id > ${last} and body is null order by case_id limit ${batch}`,
    )) as { rows?: { case_id: string; doc: CaseJson }[] } | undefined;
    const rows = result?.rows ?? [];
    if (rows.length === 0) return;
    const bodies = Object.fromEntries(rows.map((r) => [r.case_id, caseBody(r.doc)]));
    await tx.execute(sql`update case_docs d set body = v.value
      from json_each_text(${JSON.stringify(bodies)}::json) v where d.case_id = v.key`);
    if (rows.length < batch) return;
    last = rows[rows.length - 1]!.case_id;
  }
}
