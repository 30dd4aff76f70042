// The registry of the API's resources: each once, with its collection name (the bulk file and the URL segment), its
// path and its record schema. The lists that used to be kept by hand are derived from it: the change feed's record
// types and links, the bulk export datasets and their schemas, and (through the compiler) the importer's content
// hashes and the export's fetchers, which are Records over ResourceKind that do not compile with a kind missing.
// A new resource is one entry here, its table(s) in db/schema (DATASET_TABLES), its query and its route.
import type { z } from 'zod';
import { CaseSchema } from './cases.js';
import { ConductSchema } from './conducts.js';
import { CountrySchema } from './countries.js';
import { ForceSchema } from './forces.js';
import { InstrumentSchema } from './instruments.js';
import { PracticeNoteSchema } from './practice.js';
import { ProvisionSchema } from './provisions.js';
import { SourceSchema } from './sources.js';

interface Resource {
  /** The collection: the bulk export's dataset name and the path segment of /v1/<collection>/{id}. */
  readonly collection: string;
  /** The record as the API serves it (one item of the list endpoint; the export's NDJSON line). */
  readonly schema: z.ZodType;
}

export const RESOURCES = {
  country: { collection: 'countries', schema: CountrySchema },
  instrument: { collection: 'instruments', schema: InstrumentSchema },
  provision: { collection: 'provisions', schema: ProvisionSchema },
  conduct: { collection: 'conducts', schema: ConductSchema },
  force: { collection: 'forces', schema: ForceSchema },
  case: { collection: 'cases', schema: CaseSchema },
  practice: { collection: 'practice', schema: PracticeNoteSchema },
  source: { collection: 'sources', schema: SourceSchema },
} as const satisfies Record<string, Resource>;

export type ResourceKind = keyof typeof RESOURCES;
export type Collection = (typeof RESOURCES)[ResourceKind]['collection'];

export const RESOURCE_KINDS = Object.keys(RESOURCES) as [ResourceKind, ...ResourceKind[]];
export const COLLECTIONS = RESOURCE_KINDS.map((k) => RESOURCES[k].collection) as [Collection, ...Collection[]];

/** The API path of one record. */
export const recordPath = (kind: ResourceKind, id: string): string =>
  `/v1/${RESOURCES[kind].collection}/${encodeURIComponent(id)}`;
