// The app on the fixture with the spellings people type (test/fixtures/spellings.ts), without a response cache,
// shared by the modules of test/routes/spellings.test.ts. They only read. What a module needs to await before its
// tests is awaited here (see test/routes/richer/app.ts).
import t from 'tap';
import { fixtureDataset } from '../../fixtures/dataset.js';
import { withSpellings } from '../../fixtures/spellings.js';
import { buildTestApp } from '../../helper.js';

export const app = await buildTestApp(t, await fixtureDataset(t, withSpellings), { responseCacheMb: 0 });
export const revision = (await app.inject('/v1/meta')).json().revision as string;
