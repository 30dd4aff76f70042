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
