// The records of each bulk file, fetched by the same queries as the list endpoints (http/exports.ts writes the files).
import type { Db } from '../db/client.js';
import type { ResourceKind } from '../domain/resources.js';
import { listCases } from './cases.js';
import { listConducts } from './conducts.js';
import { listCountries } from './countries.js';
import { listForces } from './forces.js';
import { listInstruments } from './instruments.js';
import { listPractice } from './practice.js';
import { listProvisions, versionsOf } from './provisions.js';
import { listSources } from './sources.js';

const ALL = 1_000_000;

/** The records of each resource as its list endpoint serves them: a Record over every ResourceKind, so a resource
 * added to the registry does not compile until it has a bulk file. */
export const EXPORT_RECORDS: Record<ResourceKind, (db: Db) => Promise<object[]>> = {
  country: (db) => listCountries(db),
  instrument: (db) => listInstruments(db, {}),
  conduct: (db) => listConducts(db),
  force: (db) => listForces(db),
  case: async (db) => (await listCases(db, { sort: 'decided', limit: ALL, count: false })).data,
  practice: async (db) => (await listPractice(db, { limit: ALL })).data,
  source: async (db) => (await listSources(db, { limit: ALL })).data,
  provision: async (db) => {
    const { data } = await listProvisions(db, { limit: ALL });
    const versions = await versionsOf(
      db,
      data.map((p) => p.id),
    );
    return data.map(({ validFrom: _f, validTo: _t, ...p }) => ({ ...p, versions: versions.get(p.id) ?? [] }));
  },
};
