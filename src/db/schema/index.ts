// The whole drizzle schema, one module per area, and the registry of the tables an import rewrites.
import { caseCharges, caseDocs, caseEvents, caseRollup, caseRollupKinds, cases, caseSentences } from './cases.js';
import { conducts, conflicts, countries, countryGaps, forceDesignations, forces } from './countries.js';
import { exemptions, instruments, penalties, provisionParts, provisions, provisionVersions } from './law.js';
import { practiceNotes, practicePenalties, practiceStatistics } from './practice.js';
import { searchDocuments, searchTerms } from './search.js';
import { recordSources, sources } from './sources.js';

export * from './sources.js';
export * from './countries.js';
export * from './law.js';
export * from './cases.js';
export * from './practice.js';
export * from './meta.js';
export * from './search.js';

/** Every table that holds the dataset, children before parents (the order of deletes; inserts go in reverse). The
 * importer rewrites exactly these, data/rows.ts builds a row list for each (its `Rows` type is derived from this),
 * and the import test fingerprints each. The other tables (dataset_revisions, record_hashes, record_changes) are
 * the import's own bookkeeping, kept across imports. case_docs, case_rollup and case_rollup_kinds have no rows from
 * data/: the import fills them from the cases it has just written (src/db/case-doc.ts, src/db/case-rollup.ts). */
export const DATASET_TABLES = {
  caseDocs,
  caseRollup,
  caseRollupKinds,
  searchDocuments,
  searchTerms,
  recordSources,
  caseEvents,
  caseSentences,
  caseCharges,
  cases,
  practiceStatistics,
  practicePenalties,
  practiceNotes,
  penalties,
  exemptions,
  provisionParts,
  provisionVersions,
  provisions,
  instruments,
  forceDesignations,
  forces,
  conflicts,
  conducts,
  countryGaps,
  countries,
  sources,
} as const;

export type DatasetTable = keyof typeof DATASET_TABLES;
