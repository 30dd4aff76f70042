// The dataset revision: a content hash of every file read from data/, so the same files give the same revision.
import { createHash } from 'node:crypto';
import type { Dataset } from './load.js';

export function datasetRevision(ds: Pick<Dataset, 'files'>): string {
  const h = createHash('sha256');
  for (const f of ds.files) {
    h.update(f.file).update('\0').update(f.bytes).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}
