// Prosecution practice notes per country, with their typed statistics and the penalties officials state.
import { index, integer, json, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { countries } from './countries.js';

export const practiceNotes = pgTable(
  'practice_notes',
  {
    id: text('id').primaryKey(),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    kind: text('kind').notNull(),
    stance: text('stance'),
    fromText: text('from_text'),
    toText: text('to_text'),
    statement: text('statement').notNull(),
    basis: text('basis').notNull(),
    // The note as answers give it, with its statistics, stated penalties and sources, written by the import
    // (writePracticeDocs in src/queries/practice.ts): not from data/.
    doc: json('doc'),
  },
  (t) => [index('practice_notes_country_idx').on(t.countryCode)],
);

// id is `<note>#<statistic id>` (s1, s2, ... fixed in data/). One figure a source counts: a measure over a period and
// a scope. value_max is the top of a range of counts; sentence_* the sentences the counted persons received.
export const practiceStatistics = pgTable(
  'practice_statistics',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id')
      .notNull()
      .references(() => practiceNotes.id),
    measure: text('measure').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    valueMax: numeric('value_max', { mode: 'number' }),
    qualifier: text('qualifier').notNull(),
    fromText: text('from_text'),
    toText: text('to_text'),
    provisions: text('provisions').array().notNull(),
    conflictId: text('conflict_id'),
    forceId: text('force_id'),
    region: text('region'),
    sentenceKind: text('sentence_kind'),
    sentenceMin: numeric('sentence_min', { mode: 'number' }),
    sentenceMax: numeric('sentence_max', { mode: 'number' }),
    sentenceUnit: text('sentence_unit'),
    dispute: text('dispute'),
    note: text('note'),
    basis: text('basis').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [index('practice_statistics_note_idx').on(t.noteId), index('practice_statistics_measure_idx').on(t.measure)],
);

// id is `<note>#<penalty id>`: a penalty an official statement gives, with the article it names when any.
export const practicePenalties = pgTable(
  'practice_penalties',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id')
      .notNull()
      .references(() => practiceNotes.id),
    provisionId: text('provision_id'),
    part: text('part'),
    kind: text('kind').notNull(),
    min: numeric('min', { mode: 'number' }),
    max: numeric('max', { mode: 'number' }),
    unit: text('unit'),
    role: text('role').notNull(),
    context: text('context'),
    ord: integer('ord').notNull(),
  },
  (t) => [index('practice_penalties_note_idx').on(t.noteId)],
);
