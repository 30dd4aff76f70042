// The tables the import derives from the rows it has written (case documents, case statistics per group, provision
// version and practice note documents), and their version: a hash of the very statements that write them. A start whose files are
// unchanged does not import again (src/data/import.ts), so without the version a database imported by older code
// would keep derived tables that a newer migration added empty, or that newer code would build differently.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { caseBodyVersion, writeCaseBodies, writeCaseDocs } from './case-doc.js';
import { writeCaseRollup } from './case-rollup.js';
import { writePracticeDocs, writeVersionDocs } from './json.js';

type Execute = { execute(q: SQL): Promise<unknown> };

/** Rewrites every derived table from the dataset tables, in the caller's transaction. */
export async function writeDerived(tx: Execute): Promise<void> {
  await tx.execute(sql`delete from case_docs`);
  await writeCaseDocs(tx);
  await writeCaseBodies(tx);
  await writeCaseRollup(tx);
  await writeVersionDocs(tx);
  await writePracticeDocs(tx);
}

/** The hash of the statements writeDerived runs (their SQL text and parameters). */
export async function derivedVersion(): Promise<string> {
  const dialect = new PgDialect();
  const h = createHash('sha256');
  // The case bodies are made in code, not SQL: the version of that code too.
  h.update(caseBodyVersion()).update('\0');
  await writeDerived({
    execute: async (q) => {
      const { sql: text, params } = dialect.sqlToQuery(q);
      h.update(text).update('\0').update(JSON.stringify(params)).update('\0');
    },
  });
  return h.digest('hex').slice(0, 16);
}

/**
 * Moves the entries that inserts left in the pending lists of the GIN indexes (full text, trigrams, arrays) into the
 * indexes themselves. Until a vacuum does it, every search through such an index reads its whole pending list (up to
 * 4 MB of entries): after an import that rewrote every search document, the first searches would pay for it. Run
 * after the import's transaction has committed; an index the user may not maintain is left to autovacuum.
 */
export async function mergeIndexPending(db: Execute): Promise<void> {
  try {
    await db.execute(sql`select gin_clean_pending_list(i.indexrelid::regclass)
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
      join pg_namespace n on n.oid = c.relnamespace
      where a.amname = 'gin' and n.nspname = current_schema()`);
  } catch {
    // Not the owner of an index (or a replica): autovacuum merges the lists in its time.
  }
}
