// The dataset revision: one row per import that changed the data (the latest is the current revision).
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const datasetRevisions = pgTable('dataset_revisions', {
  seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
  revision: text('revision').notNull().unique(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
});
