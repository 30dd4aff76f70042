// Sources and the generic link from any record to the sources that state it.
import { date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const sources = pgTable(
  'sources',
  {
    id: text('id').primaryKey(),
    url: text('url'),
    title: text('title').notNull(),
    publisher: text('publisher').notNull(),
    published: text('published'),
    publishedDate: date('published_date', { mode: 'string' }),
    retrieved: text('retrieved'),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    translation: text('translation'),
    translator: text('translator'),
    note: text('note'),
  },
  (t) => [index('sources_kind_idx').on(t.kind)],
);

// record_type names the kind of record (case, provision-version, penalty, ...); record_id its id.
export const recordSources = pgTable(
  'record_sources',
  {
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    ord: integer('ord').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.recordId, t.sourceId] }),
    index('record_sources_source_idx').on(t.sourceId),
  ],
);
