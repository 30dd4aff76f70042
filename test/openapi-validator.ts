// An independent check of responses against the committed openapi.yaml: it reads only the document (not the app's
// zod schemas) and validates with Ajv's JSON Schema 2020-12, the dialect of OpenAPI 3.1. Every response a test gets
// through buildTestApp passes through it, so the document and the behaviour cannot drift apart.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { PAGE_PATH } from '../src/pages/routes.js';

type Json = Record<string, any>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const doc = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi');

/**
 * openapi.yaml parsed. Parsing its half a megabyte of YAML took about 0.4 s in every test file, so the parse is kept as
 * JSON in node_modules/.cache under the hash of the file's text (JSON.parse reads it in a few milliseconds), and only
 * when the JSON gives back exactly what the YAML parser gave.
 */
function openApiDocument(): Json {
  const text = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
  const dir = new URL('../node_modules/.cache/ca-law-tests/', import.meta.url);
  const file = new URL(`openapi-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`, dir);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch {
    const parsed = parse(text) as Json;
    const json = JSON.stringify(parsed);
    if (isDeepStrictEqual(JSON.parse(json), parsed)) {
      mkdirSync(dir, { recursive: true });
      const tmp = new URL(`${file.pathname.split('/').pop()}.${process.pid}`, dir);
      writeFileSync(tmp, json);
      renameSync(tmp, file);
      // The parses of earlier versions of the document are of no further use.
      for (const f of readdirSync(dir))
        if (/^openapi-[0-9a-f]{16}\.json$/.test(f) && !file.pathname.endsWith(f))
          rmSync(new URL(f, dir), { force: true });
    }
    return parsed;
  }
}

/** Statuses any request may get from the server itself, whatever the operation: none carry data. */
const GLOBAL_STATUSES = new Set([304, 405, 413, 414, 415, 429, 431, 503]);

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

const operations = Object.entries(doc.paths as Json).map(([template, item]) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  item: item as Json,
}));

const compiled = new Map<string, ValidateFunction>();
function validatorAt(ref: string): ValidateFunction {
  let v = compiled.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: `openapi#/${ref}` });
    compiled.set(ref, v);
  }
  return v;
}

/** A deep copy of a part of the document whose local $refs point into the document. */
function rebased(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebased);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi${v}` : rebased(v),
    ]),
  );
}

const resolveRef = (ref: string): Json =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((n: Json, p) => n?.[p.replaceAll('~1', '/').replaceAll('~0', '~')], doc);

/** A list answered with fields=: `data` items hold exactly the selected fields of the record schema, each exact. */
function validatePartial(where: string, listRef: string, fields: string[], body: unknown): string[] {
  let list = resolveRef(`#/${listRef}`);
  if (list?.$ref) list = resolveRef(list.$ref);
  const itemRef = list?.properties?.data?.items?.$ref as string | undefined;
  const item = itemRef ? resolveRef(itemRef) : undefined;
  if (!item?.properties) return [`${where}: fields= on an operation whose records have no schema`];
  const properties = Object.fromEntries(fields.map((f) => [f, item.properties[f] ?? false]));
  const schema = rebased({
    type: 'object',
    required: ['data'],
    properties: {
      ...list.properties,
      data: {
        type: 'array',
        items: { type: 'object', properties, required: fields, additionalProperties: false },
      },
    },
    additionalProperties: false,
  }) as Json;
  const v = ajv.compile(schema);
  return v(body)
    ? []
    : [`${where}: body does not match ${itemRef} cut to ${fields.join(',')}: ${ajv.errorsText(v.errors)}`];
}

export interface CheckedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  rawPayload: Buffer;
}

export function textOf(res: CheckedResponse): string {
  const encoding = String(res.headers['content-encoding'] ?? '');
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (encoding === 'deflate') return inflateSync(res.rawPayload).toString('utf8');
  return res.body;
}

/** The ways this response departs from the document; empty when it conforms. */
export function openApiViolations(method: string, url: string, res: CheckedResponse): string[] {
  // The path as the server routes it: dot segments removed (RFC 3986 5.2.4: /v1/instruments/. is /v1/instruments/),
  // and the trailing slash the router ignores.
  const raw = url.split('?')[0]!;
  let path = raw;
  try {
    path = new URL(raw, 'http://localhost').pathname;
  } catch {
    // an unparseable path stays as sent
  }
  if (path.length > 1 && path.endsWith('/') && !raw.endsWith('//')) path = path.slice(0, -1);
  if (path.startsWith('/docs') || path === '/openapi.json' || path === '/openapi.yaml') return [];
  // The HTML pages (src/pages) are hidden routes, outside the API document.
  if (PAGE_PATH.test(path)) return [];
  const where = `${method} ${url} -> ${res.statusCode}`;
  const type = String(res.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  const problemRef = 'components/schemas/Problem';
  const validate = (ref: string, value: unknown): string[] => {
    const v = validatorAt(ref);
    return v(value) ? [] : [`${where}: body does not match ${ref}: ${ajv.errorsText(v.errors)}`];
  };
  const json = (): unknown => {
    try {
      return JSON.parse(textOf(res));
    } catch {
      return Symbol('not JSON');
    }
  };

  // The server forwards format=csv / Accept: text/csv on a list path to its `.csv` operation (the JSON operation does
  // not document CSV): a CSV answer there is checked as the answer of that operation.
  let op = operations.find((o) => o.regex.test(path));
  if (op && type === 'text/csv' && !path.endsWith('.csv')) {
    op = operations.find((o) => o.template === `${op!.template}.csv`) ?? op;
  }
  const verb = method === 'HEAD' ? 'get' : method.toLowerCase();
  const operation = op?.item[verb] as Json | undefined;
  if (!op || !operation) {
    // No such operation: the server's own answer (404 unknown path, 405 wrong method, ...) as a problem.
    if (res.statusCode === 404 || GLOBAL_STATUSES.has(res.statusCode) || (res.statusCode === 400 && !op)) {
      if (method === 'HEAD' || res.statusCode === 304) return [];
      if (type !== 'application/problem+json') return [`${where}: expected application/problem+json, got ${type}`];
      return validate(problemRef, json());
    }
    if (method === 'OPTIONS' && res.statusCode === 204) return [];
    return [`${where}: no operation ${method} ${op?.template ?? path} in openapi.yaml`];
  }
  const documented = (operation.responses ?? {}) as Json;
  const response = documented[String(res.statusCode)] as Json | undefined;
  if (!response) {
    if (res.statusCode === 304 || method === 'HEAD') return [];
    if (GLOBAL_STATUSES.has(res.statusCode)) {
      if (type !== 'application/problem+json') return [`${where}: expected application/problem+json, got ${type}`];
      return validate(problemRef, json());
    }
    return [`${where}: status not documented (documented: ${Object.keys(documented).join(', ')})`];
  }
  if (method === 'HEAD' || !response.content) return [];
  const media = (response.content as Json)[type];
  if (!media) {
    return [`${where}: content type ${type || '(none)'} not documented (${Object.keys(response.content).join(', ')})`];
  }
  if (type === 'application/json' || type === 'application/problem+json') {
    const ref = pointer('paths', op.template, verb, 'responses', String(res.statusCode), 'content', type, 'schema');
    const fields = new URLSearchParams(url.split('?')[1] ?? '').get('fields');
    // fields= on a JSON list: not part of the operation; checked by the record schema cut down to those fields.
    if (fields && res.statusCode === 200) return validatePartial(where, ref, fields.split(','), json());
    return validate(ref, json());
  }
  if (media.schema?.type === 'string' && typeof res.body !== 'string') return [`${where}: body is not text`];
  return [];
}
