// Full-text search documents: one per provision, case, practice note and source, indexed in English and Russian.
import { sql } from 'drizzle-orm';
import { customType, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The weighted document vector: title (A) in three configurations, body (B) and extra text (C) in two. */
export const SEARCH_VECTOR = sql`
  setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
  setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B') ||
  setweight(to_tsvector('russian'::regconfig, coalesce(body, '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce(extra, '')), 'C') ||
  setweight(to_tsvector('russian'::regconfig, coalesce(extra, '')), 'C')`;

export const searchDocuments = pgTable(
  'search_documents',
  {
    docType: text('doc_type').notNull(),
    docId: text('doc_id').notNull(),
    countryCode: text('country_code'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    // Text that should find the record but is not shown in snippets (e.g. the titles of a case's sources).
    extra: text('extra').notNull(),
    tsv: tsvector('tsv').generatedAlwaysAs(SEARCH_VECTOR),
  },
  (t) => [
    primaryKey({ columns: [t.docType, t.docId] }),
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_country_idx').on(t.countryCode),
  ],
);
