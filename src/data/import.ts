// Imports a checked dataset in one transaction: every table is rewritten, so a record removed from data/ disappears,
// and a second run of the same files leaves the same rows. A failure anywhere rolls everything back.
import { desc, eq, sql } from 'drizzle-orm';
import { derivedVersion, vacuumAfterImport, writeDerived } from '../db/derived.js';
import type { Db } from '../db/client.js';
import { noteImport } from '../db/imports.js';
import * as s from '../db/schema/index.js';
import { assertValid } from './check.js';
import { loadDataset, type Dataset } from './load.js';
import { datasetRevision, folderRevision } from './revision.js';
import { toRows, type Rows } from './rows.js';
import { recordChanges, recordHashesOf } from './changes.js';
import { coverageOf } from './coverage.js';

export interface ImportResult {
  revision: string;
  /** False when the files were the same as the last import's (the rows are rewritten all the same). */
  changed: boolean;
  counts: Record<string, number>;
}

// Children before parents for deletes; the reverse order for inserts (the registry in db/schema/index.ts).
const TABLES = Object.entries(s.DATASET_TABLES) as [keyof Rows, (typeof s.DATASET_TABLES)[keyof Rows]][];

const BATCH = 500;

/** The figures reported by /v1/meta. */
export function countsOf(rows: Rows): Record<string, number> {
  return {
    countries: rows.countries.length,
    instruments: rows.instruments.length,
    provisions: rows.provisions.length,
    provisionVersions: rows.provisionVersions.length,
    cases: rows.cases.length,
    practiceNotes: rows.practiceNotes.length,
    sources: rows.sources.length,
    forces: rows.forces.length,
    conducts: rows.conducts.length,
    gaps: rows.countryGaps.length,
  };
}

export async function importDataset(db: Db, ds: Dataset): Promise<ImportResult> {
  assertValid(ds);
  const rows = toRows(ds);
  const revision = datasetRevision(ds);
  const counts = countsOf(rows);
  const version = await derivedVersion();
  let changed = false;
  await db.transaction(async (tx) => {
    // Two instances starting together against one database must not interleave their imports.
    await tx.execute(sql`select pg_advisory_xact_lock(7301720240)`);
    for (const [, table] of TABLES) await tx.delete(table);
    for (const [key, table] of [...TABLES].reverse()) {
      const list = rows[key] as Record<string, unknown>[];
      for (let i = 0; i < list.length; i += BATCH) {
        await tx.insert(table).values(list.slice(i, i + BATCH) as never);
      }
    }
    // What answers read whole, built once here from the rows just written.
    await writeDerived(tx);
    const [last] = await tx
      .select({ seq: s.datasetRevisions.seq, revision: s.datasetRevisions.revision })
      .from(s.datasetRevisions)
      .orderBy(desc(s.datasetRevisions.seq))
      .limit(1);
    if (last?.revision !== revision) {
      changed = true;
      // A revision seen before (files reverted) gets a new row: the change feed lists the revert as changes.
      const [row] = await tx
        .insert(s.datasetRevisions)
        .values({ revision, counts, coverage: coverageOf(ds), derivedVersion: version })
        .returning({ seq: s.datasetRevisions.seq });
      await recordChanges(tx as unknown as Db, row!.seq, recordHashesOf(ds));
    } else {
      await tx.update(s.datasetRevisions).set({ derivedVersion: version }).where(eq(s.datasetRevisions.seq, last.seq));
    }
  });
  await vacuumAfterImport(db);
  noteImport();
  return { revision, changed, counts };
}

/** Loads, checks and imports the folder. */
export async function importDataDir(db: Db, dataDir: string): Promise<ImportResult> {
  return importDataset(db, await loadDataset(dataDir));
}

/** Imports the folder unless the database already holds its revision (a restart, or another instance that started
 * first): `imported` says whether rows were written. The revision is a hash of the files' bytes, so an unchanged
 * folder is recognised from its bytes alone (one query), without parsing or checking the YAML again: those files
 * were checked when they were imported. With unchanged files, the derived tables are still rewritten (`derived`)
 * when they were written by other code than this (src/db/derived.ts). */
export async function importIfChanged(
  db: Db,
  dataDir: string,
): Promise<ImportResult & { imported: boolean; derived: boolean }> {
  const latest = () =>
    db
      .select({
        seq: s.datasetRevisions.seq,
        revision: s.datasetRevisions.revision,
        counts: s.datasetRevisions.counts,
        derivedVersion: s.datasetRevisions.derivedVersion,
      })
      .from(s.datasetRevisions)
      .orderBy(desc(s.datasetRevisions.seq))
      .limit(1)
      .then((r) => r[0]);
  const [quick, last, version] = await Promise.all([folderRevision(dataDir), latest(), derivedVersion()]);
  const unchanged = async (revision: string, counts: Record<string, number>) => {
    const derived = last!.derivedVersion !== version && (await rederive(db, last!.seq, version));
    return { revision, changed: false, counts, imported: false, derived };
  };
  if (quick !== undefined && last?.revision === quick) return unchanged(quick, last.counts);
  const ds = await loadDataset(dataDir);
  assertValid(ds);
  const revision = datasetRevision(ds);
  if (last?.revision === revision) return unchanged(revision, countsOf(toRows(ds)));
  return { ...(await importDataset(db, ds)), imported: true, derived: true };
}

/** Whether the derived tables of the current revision are this code's ('current'), another's ('stale': a start with
 * IMPORT_ON_START=false warns, and `npm run data:import` rewrites them), or there is no revision ('none'). */
export async function derivedState(db: Db): Promise<'current' | 'stale' | 'none'> {
  const [[row], version] = await Promise.all([
    db
      .select({ derivedVersion: s.datasetRevisions.derivedVersion })
      .from(s.datasetRevisions)
      .orderBy(desc(s.datasetRevisions.seq))
      .limit(1),
    derivedVersion(),
  ]);
  if (!row) return 'none';
  return row.derivedVersion === version ? 'current' : 'stale';
}

/** Rewrites the derived tables of the current revision `seq` and records `version`, under the import's lock; false
 * when another instance did it first. */
async function rederive(db: Db, seq: number, version: string): Promise<boolean> {
  let done = false;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7301720240)`);
    const [row] = await tx
      .select({ seq: s.datasetRevisions.seq, derivedVersion: s.datasetRevisions.derivedVersion })
      .from(s.datasetRevisions)
      .orderBy(desc(s.datasetRevisions.seq))
      .limit(1);
    if (row?.seq !== seq || row.derivedVersion === version) return;
    await writeDerived(tx);
    await tx.update(s.datasetRevisions).set({ derivedVersion: version }).where(eq(s.datasetRevisions.seq, seq));
    done = true;
  });
  if (done) noteImport();
  return done;
}
