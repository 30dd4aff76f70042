// npm run openapi:examples: records an example of every operation from real answers over data/ (PGlite), trimmed
// (one record per list, two items per nested list, a few CSV lines), into src/http/operation-examples.json.
import { writeFile } from 'node:fs/promises';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { importDataDir } from '../data/import.js';

type Json = Record<string, unknown>;

const KG_256 = 'kg-cc-2021-art-256';
const ASK = 'conduct=armed-conflict-participation&date=2024-06-01';

/** Operation id -> [status, URL, what it shows]; `{first:<list op>}` takes the id of that list's first record. */
const URLS: Record<string, [number, string, string][]> = {
  getHealth: [[200, '/health', 'The process answers']],
  getReady: [[200, '/ready', 'Ready, with the imported revision']],
  getMeta: [[200, '/v1/meta', 'The current dataset']],
  getProblemType: [[200, '/problems/invalid-parameter', 'The invalid-parameter problem type']],
  listCountries: [[200, '/v1/countries', 'The countries (first shown)']],
  listCountriesCsv: [[200, '/v1/countries.csv?fields=code,name', 'Codes and names']],
  getCountry: [[200, '/v1/countries/KG', 'Kyrgyzstan']],
  getConsequences: [
    [200, `/v1/countries/KG/consequences?${ASK}`, 'Fighting abroad, Kyrgyzstan, June 2024'],
    [400, '/v1/countries/KG/consequences', 'Neither conduct nor force given'],
  ],
  compareCountries: [
    [200, `/v1/compare?${ASK}`, 'Fighting abroad, every country (first shown)'],
    [400, '/v1/compare', 'Neither conduct nor force given'],
  ],
  compareCountriesCsv: [[200, `/v1/compare.csv?${ASK}&fields=country,found,articles`, 'Articles per country']],
  listInstruments: [[200, '/v1/instruments?country=KG', 'Kyrgyz instruments (first shown)']],
  listInstrumentsCsv: [[200, '/v1/instruments.csv?country=KG&fields=id,title', 'Kyrgyz instruments']],
  getInstrument: [[200, '{first:listInstruments}/v1/instruments/', 'One instrument']],
  listProvisions: [[200, '/v1/provisions?country=KG&limit=1', 'One Kyrgyz provision']],
  listProvisionsCsv: [[200, '/v1/provisions.csv?country=KG&limit=3&fields=id,article,heading', 'Kyrgyz articles']],
  getProvision: [[200, `/v1/provisions/${KG_256}`, 'Article 256 of the Kyrgyz Criminal Code of 2021']],
  listProvisionVersions: [[200, `/v1/provisions/${KG_256}/versions?date=2024-06-01`, 'The version in force']],
  resolveCitation: [[200, '/v1/resolve?cite=Art.%20256%20CC%20KG', 'Art. 256 CC KG']],
  getProvisionLineage: [[200, `/v1/provisions/${KG_256}/lineage`, 'Predecessors and successors']],
  listConducts: [[200, '/v1/conducts', 'The conducts (first shown)']],
  listConductsCsv: [[200, '/v1/conducts.csv?fields=code,label', 'Conduct codes']],
  getConduct: [[200, '/v1/conducts/armed-conflict-participation', 'Taking part in an armed conflict abroad']],
  listForces: [[200, '/v1/forces', 'The forces (first shown)']],
  listForcesCsv: [[200, '/v1/forces.csv?fields=id,name', 'Force ids and names']],
  getForce: [[200, '{first:listForces}/v1/forces/', 'One force']],
  listCases: [[200, '/v1/cases?country=KG&limit=1&count=true', 'The newest Kyrgyz case, with the total']],
  listCasesCsv: [
    [200, '/v1/cases.csv?country=KG&limit=2&table=sentences', 'The sentences of the two newest Kyrgyz cases'],
  ],
  getCase: [[200, '{first:listCases}/v1/cases/', 'One case']],
  getCaseStats: [[200, '/v1/stats/cases?groupBy=country', 'Cases per country']],
  getCaseStatsCsv: [[200, '/v1/stats/cases.csv?groupBy=country', 'Cases per country']],
  search: [[200, '/v1/search?q=Wagner&limit=1', 'The best hit for Wagner']],
  searchCsv: [[200, '/v1/search.csv?q=Wagner&limit=3&fields=type,id,title', 'Hits for Wagner']],
  listChanges: [[200, '/v1/changes?limit=1', 'The first change']],
  listChangesCsv: [[200, '/v1/changes.csv?limit=3', 'The first changes']],
  listExports: [[200, '/v1/export', 'The dumps of this revision (first shown)']],
  getExport: [[200, '/v1/export/conducts.csv', 'The conducts dump, first lines']],
  listPractice: [[200, '/v1/practice?country=KG&limit=1', 'One Kyrgyz practice note']],
  listPracticeCsv: [[200, '/v1/practice.csv?country=KG&limit=3&fields=id,kind,stance', 'Kyrgyz practice notes']],
  getPracticeNote: [[200, '{first:listPractice}/v1/practice/', 'One practice note']],
  listSources: [[200, '/v1/sources?limit=1', 'One source']],
  listSourcesCsv: [[200, '/v1/sources.csv?limit=3&fields=id,title,kind', 'Sources']],
  getSource: [[200, '{first:listSources}/v1/sources/', 'One source']],
};

/** Lists cut to one record, nested lists to two items. */
function trim(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.slice(0, depth === 1 ? 1 : 2).map((v) => trim(v, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v, depth + 1)]));
}

const database = await openDatabase({});
await migrateDatabase(database);
await importDataDir(database.db, 'data');
const app = await buildApp({ config: { logLevel: 'silent', rateLimitMax: 0 }, database, logger: false });
await app.ready();
const firsts = new Map<string, string>();
const out: Record<string, Record<string, { summary: string; value: unknown }>> = {};
for (const [op, list] of Object.entries(URLS)) {
  for (const [status, spec, summary] of list) {
    const m = /^\{first:(\w+)\}(.*)$/.exec(spec);
    const url = m ? `${m[2]}${encodeURIComponent(firsts.get(m[1]!)!)}` : spec;
    const res = await app.inject(url);
    if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode}, expected ${status}`);
    const isText = /^text\/csv/.test(String(res.headers['content-type']));
    const value = isText ? res.body.split('\r\n').slice(0, 4).join('\r\n') + '\r\n' : trim(res.json());
    const data = !isText ? ((res.json() as Json).data as Json[] | undefined) : undefined;
    const first = data?.[0];
    if (first) firsts.set(op, String(first.id ?? first.code));
    (out[op] ??= {})[String(status)] = { summary, value };
  }
}
await app.close();
await database.close();
await writeFile(new URL('../http/operation-examples.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote src/http/operation-examples.json (${Object.keys(out).length} operations)`);
