// Court rulings and prosecutions: the case, its charges, sentences and later events.
import { boolean, date, index, integer, json, jsonb, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { countries, forces, conflicts } from './countries.js';
import { provisions } from './law.js';

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    courtName: text('court_name'),
    courtLevel: text('court_level'),
    courtPlace: text('court_place'),
    decided: text('decided').notNull(),
    decidedDate: date('decided_date', { mode: 'string' }).notNull(),
    decidedPrecision: text('decided_precision').notNull(),
    dateKind: text('date_kind').notNull(),
    dateNote: text('date_note'),
    reportedOn: text('reported_on'),
    sentenceStart: text('sentence_start'),
    judge: text('judge'),
    defendantName: text('defendant_name'),
    defendantAge: integer('defendant_age'),
    defendantSex: text('defendant_sex'),
    citizenships: text('citizenships').array().notNull(),
    conducts: text('conducts').array().notNull(),
    side: text('side'),
    forceId: text('force_id').references(() => forces.id),
    conflictId: text('conflict_id').references(() => conflicts.id),
    outcome: text('outcome'),
    appealStatus: text('appeal_status'),
    appealNote: text('appeal_note'),
    // Where reports disagree: [{ field, note, sources: [source ids] }].
    disputes: jsonb('disputes').$type<{ field: string; note: string; sources: string[] }[]>().notNull(),
    summary: text('summary').notNull(),
    basis: text('basis').notNull(),
    // Folded (src/text/fold.ts) for the defendant, court, place and judge filters, which match any spelling.
    defendantFolded: text('defendant_folded').notNull().default(''),
    courtFolded: text('court_folded').notNull().default(''),
    placeFolded: text('place_folded').notNull().default(''),
    judgeFolded: text('judge_folded').notNull().default(''),
  },
  (t) => [
    index('cases_defendant_folded_idx').using('gin', t.defendantFolded.op('gin_trgm_ops')),
    index('cases_court_folded_idx').using('gin', t.courtFolded.op('gin_trgm_ops')),
    // The folded defendant after the (unique) id changes no order: a list filtered by a defendant's name reads the
    // name from the index, newest first, without visiting the table (an index-only scan, once the import's vacuum
    // has marked the pages all-visible); at a million cases that is 1 heap page fewer per case looked at.
    index('cases_country_decided_idx').on(t.countryCode, t.decidedDate, t.id, t.defendantFolded),
    index('cases_decided_idx').on(t.decidedDate, t.id, t.defendantFolded),
    index('cases_conducts_idx').using('gin', t.conducts),
  ],
);

// id is `<case>#<provision>#<part or *>`: stable while the charge names the same article and part.
export const caseCharges = pgTable(
  'case_charges',
  {
    id: text('id').notNull(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    provisionId: text('provision_id')
      .notNull()
      .references(() => provisions.id),
    part: text('part'),
    note: text('note'),
    ord: integer('ord').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.ord] }), index('case_charges_provision_idx').on(t.provisionId, t.part)],
);

// totalMonths folds years, months and days into one comparable length (days / 30), for filters and statistics.
export const caseSentences = pgTable(
  'case_sentences',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    years: integer('years'),
    months: integer('months'),
    days: integer('days'),
    totalMonths: numeric('total_months', { mode: 'number' }),
    amount: numeric('amount', { mode: 'number' }),
    unit: text('unit'),
    regime: text('regime'),
    suspended: boolean('suspended').notNull(),
    probationMonths: integer('probation_months'),
    ord: integer('ord').notNull(),
  },
  (t) => [index('case_sentences_case_idx').on(t.caseId)],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    date: text('date'),
    kind: text('kind').notNull(),
    note: text('note').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId)],
);

// Each case as answers give it, with its children, written by the import from the rows above (src/db/case-doc.ts),
// not from data/. A table of its own, so that the cases table that filters and statistics scan stays narrow. `body` is
// the case's JSON as the API sends it (the doc mapped to the API's Case and encoded by its schema, serialised;
// writeCaseBodies in src/db/case-doc.ts): a list page is its bodies joined, with no parse, map or validation per
// request.
export const caseDocs = pgTable('case_docs', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => cases.id),
  doc: json('doc').notNull(),
  body: text('body'),
});

// Case statistics kept per group by the import (src/db/case-rollup.ts), not from data/: one row per combination of the
// dimensions a statistic can filter or group by, with the number of cases that have it, so that statistics over many
// cases read a few rows per group instead of every case. Each case is counted in exactly one row; the dimensions a
// case has several of (provisions, conducts, kinds of sentence) are sets. `months` and `suspended` are the case's
// imprisonment (summed, not suspended) and whether it has a suspended one, as the statistics define them.
/** The dimensions of a group, the same in both tables (new column builders for each table). */
const rollupDimensions = () => ({
  countryCode: text('country_code').notNull(),
  month: date('month'),
  outcome: text('outcome'),
  dateKind: text('date_kind'),
  forceId: text('force_id'),
  side: text('side'),
  sentenceKind: text('sentence_kind'),
  conducts: text('conducts').array().notNull(),
  provisionIds: text('provision_ids').array().notNull(),
  sentenceKinds: text('sentence_kinds').array().notNull(),
});

export const caseRollup = pgTable(
  'case_rollup',
  {
    ...rollupDimensions(),
    months: numeric('months', { mode: 'number' }),
    suspended: boolean('suspended').notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [index('case_rollup_country_month_idx').on(t.countryCode, t.month)],
);

// The same per kind of sentence: for each case and each kind it was sentenced to, the months (summed, not suspended)
// and whether one of that kind was suspended.
export const caseRollupKinds = pgTable(
  'case_rollup_kinds',
  {
    ...rollupDimensions(),
    kind: text('kind').notNull(),
    months: numeric('months', { mode: 'number' }),
    suspended: boolean('suspended').notNull(),
    cases: integer('cases').notNull(),
  },
  (t) => [index('case_rollup_kinds_country_month_idx').on(t.countryCode, t.month)],
);
