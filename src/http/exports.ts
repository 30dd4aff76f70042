// The bulk files of a revision: every resource of the registry as NDJSON and CSV, each record through its API schema,
// built once per revision (per process) and kept until the revision changes.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { EXPORT_DATASETS } from '../domain/exports.js';
import { RESOURCE_KINDS, RESOURCES } from '../domain/resources.js';
import { EXPORT_RECORDS } from '../queries/exports.js';
import { columnsOf, toCsv } from './csv.js';

type Dataset = (typeof EXPORT_DATASETS)[number];

export interface ExportFile {
  dataset: Dataset;
  format: 'ndjson' | 'csv';
  body: Buffer;
  records: number;
  sha256: string;
}

const kindOf = (dataset: Dataset) => RESOURCE_KINDS.find((k) => RESOURCES[k].collection === dataset)!;

function file(dataset: Dataset, format: 'ndjson' | 'csv', rows: object[]): ExportFile {
  const schema: z.ZodType = RESOURCES[kindOf(dataset)].schema;
  // Each record goes through its API schema, so the files hold exactly what the endpoints serve.
  const encoded = rows.map((r) => schema.parse(r) as object);
  const text =
    format === 'ndjson'
      ? encoded.map((r) => `${JSON.stringify(r)}\n`).join('')
      : toCsv(encoded, columnsOf(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as never));
  const body = Buffer.from(text, 'utf8');
  return { dataset, format, body, records: rows.length, sha256: createHash('sha256').update(body).digest('hex') };
}

let cache: { revision: string; files: Promise<ExportFile[]> } | undefined;

/** The files of `revision`, built on first use and kept until the revision changes. */
export function exportFiles(db: Db, revision: string): Promise<ExportFile[]> {
  if (cache?.revision !== revision) {
    const files = (async () => {
      const out: ExportFile[] = [];
      for (const dataset of EXPORT_DATASETS) {
        const rows = await EXPORT_RECORDS[kindOf(dataset)](db);
        out.push(file(dataset, 'ndjson', rows), file(dataset, 'csv', rows));
      }
      return out;
    })();
    cache = { revision, files };
    files.catch(() => (cache = undefined));
  }
  return cache.files;
}
