// The app on the richer fixture (test/fixtures/richer.ts), without a response cache, shared by the modules of
// test/routes/richer.test.ts. They only read, each its own URLs, and none depends on what another asked. Whatever a
// module needs to await before its tests is awaited here: a top-level await in a module after the first has tests
// queued lets tap's root test end (and its teardowns run) while it waits.
import t from 'tap';
import { loadDataset } from '../../../src/data/load.js';
import { datasetRevision } from '../../../src/data/revision.js';
import { fixtureDataset } from '../../fixtures/dataset.js';
import { richer } from '../../fixtures/richer.js';
import { buildTestApp } from '../../helper.js';

export const dir = await fixtureDataset(t, richer);
export const app = await buildTestApp(t, dir, { responseCacheMb: 0, revisionTtlMs: 3_600_000 });
/** The fixture as loaded from its YAML, and its revision. */
export const ds = await loadDataset(dir);
export const revision = datasetRevision(ds);
