// The app on the fixture with the spellings people type (test/fixtures/spellings.ts), without a response cache,
// shared by the modules of test/routes/spellings.test.ts. They only read. What a module needs to await before its
// tests is awaited here (see test/routes/richer/app.ts).
import t from 'tap';
import { fixtureDataset } from '../../fixtures/dataset.js';
import { withSpellings } from '../../fixtures/spellings.js';
import { buildTestApp } from '../../helper.js';

// The revision cache kept for the whole file (as on the richer fixture): on a loaded machine its 2 s refresh fell
// between two requests of the statements-per-request test and counted as a statement of the answer.
export const app = await buildTestApp(t, await fixtureDataset(t, withSpellings), {
  responseCacheMb: 0,
  revisionTtlMs: 3_600_000,
});
export const revision = (await app.inject('/v1/meta')).json().revision as string;
