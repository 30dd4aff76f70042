// What an import changed: content hashes of every top-level record, compared with the previous import's.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { recordChanges as changesTable, recordHashes } from '../db/schema/index.js';
import type { Dataset } from './load.js';

/** The record types of the change feed, with the API path of each. */
export const CHANGE_TYPES = {
  country: '/v1/countries/',
  conduct: '/v1/conducts/',
  force: '/v1/forces/',
  instrument: '/v1/instruments/',
  provision: '/v1/provisions/',
  case: '/v1/cases/',
  practice: '/v1/practice/',
  source: '/v1/sources/',
} as const;

export type ChangeType = keyof typeof CHANGE_TYPES;

const hash = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('hex');

/** `type:id` -> hash of the record as the data files give it. */
export function recordHashesOf(ds: Dataset): Map<string, string> {
  const out = new Map<string, string>();
  const put = (type: ChangeType, id: string, v: unknown) => out.set(`${type}:${id}`, hash(v));
  for (const { data } of ds.sources) for (const x of data.sources) put('source', x.id, x);
  for (const x of ds.conducts.conducts) put('conduct', x.code, x);
  for (const x of ds.forces.forces) put('force', x.id, x);
  for (const c of ds.countries) {
    put('country', c.country.country.code, c.country);
    for (const x of c.law.instruments) put('instrument', x.id, x);
    for (const x of c.law.provisions) put('provision', x.id, x);
    for (const x of c.cases.cases) put('case', x.id, x);
    for (const x of c.practice.practice) put('practice', x.id, x);
  }
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
