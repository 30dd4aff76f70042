// Search documents: one per record of every kind, indexed in English and Russian (tsv) and folded for trigram matching.
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
    // The countries the record belongs to (for a source: the countries of the records citing it).
    countries: text('countries').array().notNull().default([]),
    // id, title, body and extra folded to one Latin skeleton (src/text/fold.ts), and its words as a vector: a query
    // word is first expanded to the vocabulary terms near it (search_terms), which this vector then finds by index.
    folded: text('folded').notNull().default(''),
    foldedTsv: tsvector('folded_tsv').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, folded)`),
    tsv: tsvector('tsv').generatedAlwaysAs(SEARCH_VECTOR),
  },
  (t) => [
    primaryKey({ columns: [t.docType, t.docId] }),
    // One index over both vectors, so that a query of several words is one tsquery, which GIN intersects itself,
    // stepping through the rarest word's entries (src/queries/search.ts): two indexes joined by bitmaps read every
    // entry of a common word. What it finds is a superset that search checks on each vector.
    index('search_documents_match_idx').using('gin', sql`(${t.tsv} || ${t.foldedTsv})`),
    index('search_documents_country_idx').on(t.countryCode),
    index('search_documents_countries_idx').using('gin', t.countries),
  ],
);

// The vocabulary of the folded documents: every distinct folded word of 3 to 40 letters (not all digits), with a
// trigram index, so that a query word finds its spellings, prefixes and typos in a short table, not in the texts.
export const searchTerms = pgTable('search_terms', { term: text('term').primaryKey() }, (t) => [
  index('search_terms_trgm_idx').using('gin', t.term.op('gin_trgm_ops')),
]);
