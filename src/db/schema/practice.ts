// Prosecution practice notes per country, with yearly statistics.
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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
  },
  (t) => [index('practice_notes_country_idx').on(t.countryCode)],
);

export const practiceStatistics = pgTable(
  'practice_statistics',
  {
    noteId: text('note_id')
      .notNull()
      .references(() => practiceNotes.id),
    year: integer('year').notNull(),
    casesOpened: integer('cases_opened'),
    convictions: integer('convictions'),
    note: text('note'),
    ord: integer('ord').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.ord] })],
);
