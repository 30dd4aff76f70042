// What the import of the real data/ serves is what its YAML says, per resource: the countries, cases and statistics
// (answers/cases.ts), the consequences on every date of every country (consequences.ts), the country pages
// (pages.ts), the provisions and their citations (provisions.ts), the registries and the change feed (registry.ts) and
// search (search.ts). One process and one database for all of them: each had cost a process start, a copy of the
// database and a load of the YAML of its own. The behaviours themselves are tested on the fixture in test/routes/.
import './answers/cases.js';
import './answers/consequences.js';
import './answers/pages.js';
import './answers/provisions.js';
import './answers/registry.js';
import './answers/search.js';
