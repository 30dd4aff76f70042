// Queries of the dataset revision and counts.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { datasetRevisions } from '../db/schema/index.js';

/** The current dataset revision (the latest import that changed the data), as raw SQL so that inside a request it
 * reports the revision it read like every other statement (see queryRows). */
export async function currentRevision(db: Db): Promise<typeof datasetRevisions.$inferSelect | undefined> {
  const [row] = await queryRows<typeof datasetRevisions.$inferSelect>(
    db,
    sql`select seq, revision, imported_at::text as "importedAt", counts, coverage from dataset_revisions
      order by seq desc limit 1`,
  );
  return row;
}
