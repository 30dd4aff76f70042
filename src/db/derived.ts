// The tables the import derives from the rows it has written (case documents, case statistics per group, provision
// version and practice note documents), and their version: a hash of the very statements that write them. A start whose files are
// unchanged does not import again (src/data/import.ts), so without the version a database imported by older code
// would keep derived tables that a newer migration added empty, or that newer code would build differently.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { caseBodyVersion, writeCaseBodies, writeCaseDocs } from './case-doc.js';
import { writeCaseRollup } from './case-rollup.js';
import { queryRows, type Db } from './client.js';
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
 * Vacuums (and analyses) every table of the schema once an import has committed. This moves the entries that inserts
 * left in the pending lists of the GIN indexes (full text, trigrams, arrays) into the indexes themselves: until then
 * every search through such an index reads its whole pending list (up to 4 MB of entries), and after an import that
 * rewrote every search document the first searches would pay for it. It also marks the new rows' pages all-visible,
 * without which an index-only scan (the case list filtered by a defendant's name, the case ids of a date range)
 * visits the table for every row, and gives the planner the new rows' statistics. Until autovacuum came round, a
 * list by defendant at a million cases read a heap page per case looked at (123 ms instead of 3 ms). A table the
 * user may not maintain is skipped with a warning; on a replica, which cannot vacuum, nothing is done.
 */
export async function vacuumAfterImport(db: Db): Promise<void> {
  try {
    const tables = await queryRows<{ name: string }>(
      db,
      sql`select format('%I.%I', n.nspname, c.relname) as name from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema() order by c.relname`,
    );
    if (tables.length) await db.execute(sql.raw(`vacuum (analyze) ${tables.map((t) => t.name).join(', ')}`));
  } catch {
    // A replica (no vacuum during recovery): autovacuum on the primary does it in its time.
  }
}
