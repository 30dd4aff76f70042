// What an import changed: content hashes of every top-level record, compared with the previous import's.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { recordChanges as changesTable, recordHashes } from '../db/schema/index.js';
import { RESOURCE_KINDS, type ResourceKind } from '../domain/resources.js';
import type { Dataset } from './load.js';

const hash = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('hex');

/** Each resource's records in the data files, as [id, record]: a Record over every ResourceKind, so a resource added
 * to the registry (domain/resources.ts) does not compile until its records are hashed for the change feed. */
const RECORDS_OF: Record<ResourceKind, (ds: Dataset) => [string, unknown][]> = {
  source: (ds) => ds.sources.flatMap(({ data }) => data.sources.map((x) => [x.id, x] as [string, unknown])),
  conduct: (ds) => ds.conducts.conducts.map((x) => [x.code, x]),
  force: (ds) => ds.forces.forces.map((x) => [x.id, x]),
  country: (ds) => ds.countries.map((c) => [c.country.country.code, c.country]),
  instrument: (ds) => ds.countries.flatMap((c) => c.law.instruments.map((x) => [x.id, x] as [string, unknown])),
  provision: (ds) => ds.countries.flatMap((c) => c.law.provisions.map((x) => [x.id, x] as [string, unknown])),
  case: (ds) => ds.countries.flatMap((c) => c.cases.cases.map((x) => [x.id, x] as [string, unknown])),
  practice: (ds) => ds.countries.flatMap((c) => c.practice.practice.map((x) => [x.id, x] as [string, unknown])),
};

/** `type:id` -> hash of the record as the data files give it. */
export function recordHashesOf(ds: Dataset): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of RESOURCE_KINDS) for (const [id, v] of RECORDS_OF[kind](ds)) out.set(`${kind}:${id}`, hash(v));
  return out;
}

/** Writes the changes since the stored hashes under `revisionSeq` and stores the new hashes (inside the import's transaction). */
export async function recordChanges(tx: Db, revisionSeq: number, next: Map<string, string>): Promise<number> {
  const previous = new Map(
    (await tx.select().from(recordHashes)).map((r) => [`${r.recordType}:${r.recordId}`, r.hash]),
  );
  const changes: { revisionSeq: number; recordType: string; recordId: string; op: string }[] = [];
  const split = (key: string) => {
    const i = key.indexOf(':');
    return { recordType: key.slice(0, i), recordId: key.slice(i + 1) };
  };
  for (const [key, h] of [...next].sort(([a], [b]) => a.localeCompare(b))) {
    const before = previous.get(key);
    if (before === undefined) changes.push({ revisionSeq, ...split(key), op: 'created' });
    else if (before !== h) changes.push({ revisionSeq, ...split(key), op: 'updated' });
  }
  for (const key of [...previous.keys()].sort())
    if (!next.has(key)) changes.push({ revisionSeq, ...split(key), op: 'deleted' });
  for (let i = 0; i < changes.length; i += 500) await tx.insert(changesTable).values(changes.slice(i, i + 500));
  await tx.delete(recordHashes);
  const rows = [...next].map(([key, h]) => ({ ...split(key), hash: h }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(recordHashes).values(rows.slice(i, i + 500));
  return changes.length;
}
