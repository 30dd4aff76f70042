// The app on a copy of the database holding the real data/ (test/helper.ts), one per process, shared by the modules
// of answers.test.ts. They only read: each asks its own URLs, and none depends on what the others asked. A module
// awaits nothing at its top level (see test/routes/richer/app.ts).
import t from 'tap';
import { buildTestApp } from '../../helper.js';

export const app = await buildTestApp(t);
