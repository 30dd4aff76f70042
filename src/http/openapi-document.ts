// Finishes the generated OpenAPI document: security, response headers, 304, response descriptions, examples, and
// no unused components (fastify-type-provider-zod emits an `*Input` copy of every schema).
import { readFileSync } from 'node:fs';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the document cannot see of a route: whether it is cached (ETag, 304) and its operation id. */
export interface RouteFacts {
  cached: boolean;
}

const string = { type: 'string' };
const integer = { type: 'integer', minimum: 0 };

/** Every response header the API sends, once, as components/headers. */
export const HEADERS: Record<string, Json> = {
  ETag: {
    description: 'Weak validator of this representation for the current dataset revision; send it as If-None-Match',
    schema: { ...string, examples: ['W/"b5d0b3c1e2a4-3kXyZ0a1b2c3d4e5"'] },
  },
  'Last-Modified': {
    description: 'When the current dataset revision was imported (HTTP date); send it as If-Modified-Since',
    schema: { ...string, examples: ['Mon, 23 Nov 2026 10:00:00 GMT'] },
  },
  'Cache-Control': {
    description: '`public, max-age=<seconds>` on dataset answers; `no-store` on errors, health and readiness',
    schema: { ...string, examples: ['public, max-age=300'] },
  },
  Vary: {
    description: 'The request headers that select the representation',
    schema: { ...string, examples: ['Accept, Accept-Encoding'] },
  },
  'Dataset-Revision': {
    description: 'The dataset revision the answer was computed from (GET /v1/changes?since=<it> for what changed)',
    schema: string,
  },
  Link: {
    description: 'The next page: `<url>; rel="next"` (absent on the last page)',
    schema: { ...string, examples: ['</v1/cases?limit=50&cursor=WyIyMDI0LTA2LTI0Il0>; rel="next"'] },
  },
  'X-Total-Count': {
    description: 'The number of records matching the filters, with count=true',
    schema: integer,
  },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: integer },
  'X-RateLimit-Limit': {
    description: 'Requests allowed per window for this client (when rate limiting is on)',
    schema: integer,
  },
  'X-RateLimit-Remaining': { description: 'Requests left in the current window', schema: integer },
  'X-RateLimit-Reset': { description: 'Seconds until the current window ends', schema: integer },
  'Content-Disposition': { description: 'attachment, with the file name (revision and dataset)', schema: string },
  Digest: { description: 'SHA-256 of the file, base64 (`sha-256=...`)', schema: string },
};

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
const refs = (names: string[]) => Object.fromEntries(names.map((n) => [n, ref(n)]));
const RATE = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
const CACHE = ['ETag', 'Last-Modified', 'Cache-Control', 'Vary', 'Dataset-Revision'];

/** Examples recorded from real answers over data/ (npm run openapi:examples), keyed by operation id and status. */
function loadExamples(): Record<string, Record<string, { summary: string; value: unknown }>> {
  try {
    return JSON.parse(readFileSync(new URL('./operation-examples.json', import.meta.url), 'utf8'));
  } catch {
    return {};
  }
}

function addHeaders(op: Json, facts: RouteFacts | undefined): void {
  const params = new Set((op.parameters ?? []).map((p: Json) => p.name));
  const cached = facts?.cached ?? true;
  for (const [status, response] of Object.entries<Json>(op.responses)) {
    const names: string[] = [];
    if (status === '200') {
      names.push(...(cached ? CACHE : ['Cache-Control']));
      if (params.has('cursor')) names.push('Link');
      if (params.has('count')) names.push('X-Total-Count');
      if (op.operationId === 'getExport') names.push('Content-Disposition', 'Digest');
    } else names.push('Cache-Control');
    if (status === '429') names.push('Retry-After');
    if (status === '503') names.push('Retry-After');
    if (cached) names.push(...RATE);
    response.headers = { ...refs(names), ...(response.headers ?? {}) };
  }
  if (cached && !op.responses['304']) {
    op.responses['304'] = {
      description: 'Not Modified: the If-None-Match validator still matches (the dataset revision has not changed)',
      headers: refs(['ETag', 'Cache-Control', 'Vary', 'Dataset-Revision', ...RATE]),
    };
  }
}

/** Every $ref reachable from the paths (and from the components they reach). */
function reachable(doc: Json): Set<string> {
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/') && !seen.has(v)) {
        seen.add(v);
        const [, , kind, name] = v.split('/');
        walk(doc.components?.[kind!]?.[name!]);
      } else walk(v);
    }
  };
  walk(doc.paths);
  return seen;
}

/** The finished document (mutated in place and returned). */
export function finishDocument(doc: Json, facts: Map<string, RouteFacts>): Json {
  const examples = loadExamples();
  doc.security = [];
  doc.components ??= {};
  doc.components.headers = HEADERS;
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    for (const op of Object.values<Json>(item)) {
      addHeaders(op, facts.get(op.operationId));
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        if (!response.description || response.description === 'Default Response') {
          response.description = status === '200' ? `${op.summary}` : `Status ${status}`;
        }
        const example = examples[op.operationId]?.[status];
        const media = response.content && Object.values<Json>(response.content)[0];
        if (example && media) media.examples = { [op.operationId]: example };
      }
    }
  }
  const used = reachable(doc);
  for (const kind of Object.keys(doc.components)) {
    for (const name of Object.keys(doc.components[kind])) {
      if (!used.has(`#/components/${kind}/${name}`)) delete doc.components[kind][name];
    }
    // In name order, so the document does not change with the order modules happen to register their schemas.
    doc.components[kind] = Object.fromEntries(
      Object.entries(doc.components[kind]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return doc;
}
