// The routes on the richer fixture (a predecessor code, a repeal, later texts more lenient, unread or disputed, more
// rulings): the countries (richer/countries.ts), cases (cases.ts), provisions and citations of them (provisions.ts),
// statistics (stats.ts) and the consequences on every date (consequences.ts), each with whole answers, CSV, bad
// parameters and statements per request. One process and one app for all five: each had cost a process start, a
// PGlite and an import of the fixture of its own. Run one with `npx tap test/routes/richer.test.ts --grep=<name>`.
import './richer/countries.js';
import './richer/cases.js';
import './richer/provisions.js';
import './richer/stats.js';
import './richer/consequences.js';
