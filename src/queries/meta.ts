// Queries of the dataset revision and counts.
import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { datasetRevisions } from '../db/schema/index.js';

export async function currentRevision(db: Db) {
  const [row] = await db.select().from(datasetRevisions).orderBy(desc(datasetRevisions.seq)).limit(1);
  return row;
}
