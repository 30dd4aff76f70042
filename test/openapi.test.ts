// openapi.yaml is generated from the code: a test fails when the committed file differs (run `npm run openapi`).
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { parse } from 'yaml';
import { generateOpenApi } from '../src/cli/openapi.js';

const generated = await generateOpenApi();
const committed = await readFile('openapi.yaml', 'utf8');

t.test('openapi.yaml is in sync with the code', async (t) => {
  t.equal(
    committed,
    generated,
    'openapi.yaml differs from the generated document: run `npm run openapi` and commit it',
  );
});

t.test('every operation has an id, a summary, documented errors and a 200 schema', async (t) => {
  const doc = parse(generated);
  t.equal(doc.openapi, '3.1.0');
  const ids = new Set<string>();
  for (const [path, item] of Object.entries<
    Record<string, { operationId?: string; summary?: string; responses: Record<string, unknown> }>
  >(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      t.ok(op.operationId, `${method} ${path} has an operationId`);
      t.notOk(ids.has(op.operationId!), `${op.operationId} is unique`);
      ids.add(op.operationId!);
      t.ok(op.summary, `${op.operationId} has a summary`);
      t.ok(op.responses['200'], `${op.operationId} documents 200`);
      if (path.includes('{'))
        t.ok(op.responses['404'] || op.responses['400'], `${op.operationId} documents its id errors`);
    }
  }
  t.ok(ids.has('listCases') && ids.has('getProvision') && ids.has('getMeta'));
});

t.test('the examples in the document parse with their own schemas', async (t) => {
  const { CaseSchema } = await import('../src/domain/cases.js');
  const { PenaltySchema } = await import('../src/domain/provisions.js');
  const { SourceSchema } = await import('../src/domain/sources.js');
  const { MetaSchema } = await import('../src/domain/meta.js');
  const { ProblemSchema, SourceRefSchema } = await import('../src/domain/common.js');
  const { z } = await import('zod');
  for (const schema of [CaseSchema, PenaltySchema, SourceSchema, MetaSchema, ProblemSchema, SourceRefSchema]) {
    const meta = z.globalRegistry.get(schema) as { id?: string; examples?: unknown[] } | undefined;
    t.ok(meta?.examples?.length, `${meta?.id} has examples`);
    for (const ex of meta?.examples ?? []) t.ok(schema.safeParse(ex).success, `${meta?.id} example parses`);
  }
  const doc = parse(generated);
  t.ok(doc.components.schemas.Case.examples?.length, 'Case examples reach the document');
});

t.test('unknown is written one way: no enum of the document has an "unknown" member (null says it)', async (t) => {
  const doc = parse(generated);
  const found: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${at}/${i}`));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum)) {
      if (o.enum.some((v) => typeof v === 'string' && /^unknown$/i.test(v))) found.push(at);
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
  };
  walk(doc, '#');
  t.same(found, []);
  // The fields that used to say "unknown" say it with null now (anyOf [enum, null] as zod writes a nullable enum).
  const schemas = doc.components.schemas;
  const nullable = (s: { anyOf?: { type?: string }[] }) => (s.anyOf ?? []).some((x) => x.type === 'null');
  t.same(
    {
      caseOutcome: nullable(schemas.Case.properties.outcome),
      noteStance: nullable(schemas.PracticeNote.properties.stance),
      compareInForce: nullable(schemas.CompareRow.properties.inForce),
      compareStance: nullable(schemas.CompareRow.properties.stance),
    },
    { caseOutcome: true, noteStance: true, compareInForce: true, compareStance: true },
  );
});

t.test('every parameter, every schema property and every response is described', async (t) => {
  const doc = parse(generated);
  const missing: string[] = [];
  const walk = (s: Record<string, unknown> | undefined, at: string): void => {
    if (!s || typeof s !== 'object') return;
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      if (!v.description && !v.$ref) missing.push(`${at}.${k}`);
      walk(v, `${at}.${k}`);
    }
    walk(s.items as Record<string, unknown> | undefined, `${at}[]`);
    for (const x of (s.anyOf ?? []) as Record<string, unknown>[]) walk(x, at);
  };
  for (const [name, schema] of Object.entries<Record<string, unknown>>(doc.components.schemas)) walk(schema, name);
  for (const item of Object.values<Record<string, Record<string, unknown>>>(doc.paths))
    for (const op of Object.values(item)) {
      for (const p of (op.parameters ?? []) as { name: string; description?: string }[])
        if (!p.description) missing.push(`${op.operationId} parameter ${p.name}`);
      for (const [code, r] of Object.entries((op.responses ?? {}) as Record<string, { description?: string }>))
        if (!r.description || r.description === 'Default Response') missing.push(`${op.operationId} ${code}`);
    }
  t.same(missing, []);
});
