// The dataset revision: one row per import that changed the data (the latest is the current revision).
import type { Coverage } from '../../domain/meta.js';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const datasetRevisions = pgTable('dataset_revisions', {
  seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
  revision: text('revision').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  coverage: jsonb('coverage').$type<Coverage>(),
  // The version of the tables the import derives from the rows (src/db/derived.ts) as last written for this revision:
  // a start with unchanged files rebuilds them when the code that derives them has changed (or they are new).
  derivedVersion: text('derived_version'),
});

// The current content hash of every top-level record, to tell what an import created, updated or deleted.
export const recordHashes = pgTable(
  'record_hashes',
  {
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId] })],
);

// The change feed: one row per record created, updated or deleted by an import; deletions are tombstones.
export const recordChanges = pgTable(
  'record_changes',
  {
    seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
    revisionSeq: integer('revision_seq')
      .notNull()
      .references(() => datasetRevisions.seq),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    op: text('op').notNull(),
  },
  (t) => [index('record_changes_revision_idx').on(t.revisionSeq)],
);
