// The dataset revision: a content hash of every file read from data/, so the same files give the same revision.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from './load.js';

export function datasetRevision(ds: Pick<Dataset, 'files'>): string {
  const h = createHash('sha256');
  for (const f of ds.files) {
    h.update(f.file).update('\0').update(f.bytes).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

const COUNTRY_FILES = ['country', 'law', 'cases', 'practice'];

/**
 * The revision of a data folder from its bytes alone, without parsing or checking anything: the files loadDataset
 * reads (sources, conducts, forces, and each two-letter country folder's own sources and four files), named and
 * ordered as it names them. Undefined when a file it requires is missing (loadDataset then reports it). A start
 * compares this with the database's revision and skips loading the YAML when they match (import.ts).
 */
export async function folderRevision(dataDir: string): Promise<string | undefined> {
  const root = dataDir.replace(/\/+$/, '');
  const prefix = path.basename(root);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const wanted: { rel: string; optional: boolean }[] = ['sources', 'conducts', 'forces'].map((n) => ({
    rel: `${n}.yaml`,
    optional: false,
  }));
  const dirs = entries
    .filter((e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const dir of dirs) {
    wanted.push({ rel: `${dir}/sources.yaml`, optional: true });
    for (const n of COUNTRY_FILES) wanted.push({ rel: `${dir}/${n}.yaml`, optional: false });
  }
  const files: Dataset['files'] = [];
  for (const w of wanted) {
    const bytes = await readFile(path.join(root, w.rel)).catch(() => undefined);
    if (bytes) files.push({ file: `${prefix}/${w.rel}`, bytes });
    else if (!w.optional) return undefined;
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return datasetRevision({ files });
}
