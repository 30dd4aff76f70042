// What generated clients and linters need of openapi.yaml: one representation per 200, exact parameters, every
// header, 304 and description documented, examples, `security: []`, and no unused components.
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { parse } from 'yaml';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc = parse(await readFile('openapi.yaml', 'utf8')) as Json;
const ops = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
  Object.entries<Json>(item).map(([method, op]) => ({ path, method, op })),
);
const param = (id: string, name: string) =>
  ops.find((o) => o.op.operationId === id)!.op.parameters.find((p: Json) => p.name === name);

t.test('security is an explicit empty requirement: a public API', async (t) => {
  t.same(doc.security, []);
});

t.test('every 200 has one representation; CSV is its own operation', async (t) => {
  for (const { path, op } of ops) {
    const types = Object.keys(op.responses['200'].content ?? {});
    // A dump file's type is fixed by its name (cases.ndjson, cases.csv): both are text to a client.
    if (op.operationId === 'getExport') {
      t.same(types, ['application/x-ndjson', 'text/csv']);
      continue;
    }
    t.equal(types.length, 1, `${op.operationId}: one media type (${types.join(', ')})`);
    if (path.endsWith('.csv')) t.same(types, ['text/csv'], `${op.operationId} is CSV only`);
    const schema = op.responses['200'].content[types[0]!].schema;
    t.notOk(schema.anyOf || schema.oneOf, `${op.operationId}: no union in the 200`);
  }
  const siblings = ops.filter((o) => o.path.endsWith('.csv')).map((o) => o.op.operationId);
  t.same(siblings.sort(), [
    'compareCountriesCsv',
    'getCaseStatsCsv',
    'listCasesCsv',
    'listChangesCsv',
    'listConductsCsv',
    'listCountriesCsv',
    'listForcesCsv',
    'listInstrumentsCsv',
    'listPracticeCsv',
    'listProvisionsCsv',
    'listSourcesCsv',
    'searchCsv',
  ]);
  t.notOk(param('listCases', 'format'), 'format is not a parameter of the JSON list');
  t.notOk(param('listCases', 'fields'), 'fields is not a parameter of the JSON list');
  t.same(param('listCasesCsv', 'bom').schema, { type: 'boolean' });
  t.ok(param('listCasesCsv', 'table').schema.enum.includes('charges'));
});

t.test('parameters as the server reads them', async (t) => {
  t.same(param('listCases', 'count').schema, { type: 'boolean' });
  t.match(param('listCases', 'limit').schema, { type: 'integer', minimum: 1, maximum: 200 });
  t.same(param('getCountry', 'code').schema.enum, ['KZ', 'KG', 'TJ', 'TM', 'UZ', 'kz', 'kg', 'tj', 'tm', 'uz']);
  t.equal(param('getCountry', 'code').required, true);
  t.match(param('getConsequences', 'conduct').schema, { type: 'array', maxItems: 10 });
  t.equal(param('resolveCitation', 'cite').required, true);
  const consequences = ops.find((o) => o.op.operationId === 'getConsequences')!.op;
  t.match(consequences.description, /At least one of `conduct` and `force` is required/);
  const bad = Object.values<Json>(consequences.responses['400'].content['application/problem+json'].examples)[0]!;
  t.equal(bad.value.status, 400);
  t.equal(bad.value.errors[0].name, 'conduct');
});

t.test('responses: descriptions, headers, 304, examples', async (t) => {
  const uncached = new Set(['getHealth', 'getReady', 'getProblemType']);
  for (const { op } of ops) {
    const id = op.operationId;
    for (const [status, r] of Object.entries<Json>(op.responses)) {
      t.ok(r.description && r.description !== 'Default Response', `${id} ${status} has a description`);
    }
    const ok = op.responses['200'];
    t.ok(Object.values<Json>(ok.content)[0]!.examples, `${id} has an example`);
    t.ok(ok.headers['Cache-Control'], `${id} documents Cache-Control`);
    if (!uncached.has(id)) {
      for (const h of ['ETag', 'Last-Modified', 'Vary', 'Dataset-Revision', 'X-RateLimit-Remaining'])
        t.ok(ok.headers[h], `${id} documents ${h}`);
      t.ok(op.responses['304']?.headers?.ETag, `${id} documents 304 with its ETag`);
    }
    if (op.parameters?.some((p: Json) => p.name === 'cursor')) t.ok(ok.headers.Link, `${id} documents Link`);
    if (op.parameters?.some((p: Json) => p.name === 'count')) t.ok(ok.headers['X-Total-Count'], `${id} total`);
    for (const s of ['429', '503']) if (op.responses[s]) t.ok(op.responses[s].headers['Retry-After'], `${id} ${s}`);
  }
});

t.test('components: all used, none an *Input copy, every field described', async (t) => {
  const text = JSON.stringify(doc.paths) + JSON.stringify(doc.components);
  for (const [kind, all] of Object.entries<Json>(doc.components)) {
    for (const name of Object.keys(all)) {
      t.notOk(name.endsWith('Input'), `${name} is not an input copy`);
      t.ok(text.includes(`"#/components/${kind}/${name}"`), `${kind}/${name} is used`);
    }
  }
  const undescribed: string[] = [];
  const walk = (s: Json | undefined, at: string): void => {
    if (!s || typeof s !== 'object') return;
    for (const [k, v] of Object.entries<Json>(s.properties ?? {})) {
      if (!v.description && !v.$ref) undescribed.push(`${at}.${k}`);
      walk(v, `${at}.${k}`);
    }
    if (s.items) walk(s.items, `${at}[]`);
    for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(v, at);
  };
  for (const [name, s] of Object.entries<Json>(doc.components.schemas)) walk(s, name);
  t.same(undescribed, [], 'every field has a description');
});
