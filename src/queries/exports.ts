// Builds the bulk files of a revision once (per process) from the same queries and schemas as the API.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { CaseSchema } from '../domain/cases.js';
import { ConductSchema } from '../domain/conducts.js';
import { CountrySchema } from '../domain/countries.js';
import { EXPORT_DATASETS } from '../domain/exports.js';
import { ForceSchema } from '../domain/forces.js';
import { InstrumentSchema } from '../domain/instruments.js';
import { PracticeNoteSchema } from '../domain/practice.js';
import { ProvisionSchema } from '../domain/provisions.js';
import { SourceSchema } from '../domain/sources.js';
import { columnsOf, toCsv } from '../http/csv.js';
import { listCases } from './cases.js';
import { listConducts } from './conducts.js';
import { listCountries } from './countries.js';
import { listForces } from './forces.js';
import { listInstruments } from './instruments.js';
import { listPractice } from './practice.js';
import { listProvisions, versionsOf } from './provisions.js';
import { listSources } from './sources.js';

type Dataset = (typeof EXPORT_DATASETS)[number];

export interface ExportFile {
  dataset: Dataset;
  format: 'ndjson' | 'csv';
  body: Buffer;
  records: number;
  sha256: string;
}

const ALL = 1_000_000;

const SCHEMAS: Record<Dataset, z.ZodType> = {
  countries: CountrySchema,
  instruments: InstrumentSchema,
  provisions: ProvisionSchema,
  conducts: ConductSchema,
  forces: ForceSchema,
  cases: CaseSchema,
  practice: PracticeNoteSchema,
  sources: SourceSchema,
};

async function records(db: Db, dataset: Dataset): Promise<object[]> {
  switch (dataset) {
    case 'countries':
      return listCountries(db);
    case 'instruments':
      return listInstruments(db, {});
    case 'conducts':
      return listConducts(db);
    case 'forces':
      return listForces(db);
    case 'cases':
      return (await listCases(db, { sort: 'decided', limit: ALL, count: false })).data;
    case 'practice':
      return (await listPractice(db, { limit: ALL })).data;
    case 'sources':
      return (await listSources(db, { limit: ALL })).data;
    case 'provisions': {
      const { data } = await listProvisions(db, { limit: ALL });
      const versions = await versionsOf(
        db,
        data.map((p) => p.id),
      );
      return data.map(({ validFrom: _f, validTo: _t, ...p }) => ({
        ...p,
        versions: versions.get(p.id) ?? [],
      }));
    }
  }
}

function file(dataset: Dataset, format: 'ndjson' | 'csv', rows: object[]): ExportFile {
  const schema = SCHEMAS[dataset];
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
        const rows = await records(db, dataset);
        out.push(file(dataset, 'ndjson', rows), file(dataset, 'csv', rows));
      }
      return out;
    })();
    cache = { revision, files };
    files.catch(() => (cache = undefined));
  }
  return cache.files;
}
