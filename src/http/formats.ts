// List responses: JSON on the list path (one exact schema), CSV as a sibling operation `<path>.csv` (tables, field
// selection, BOM), `format=csv` / `Accept: text/csv` on the list path forwarded to it; the shared list parameters.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { columnsOf, flatCsv, tableRows, tablesOf, toCsv, type CsvTable } from './csv.js';
import { preferred } from './negotiate.js';
import { setLinkHeader } from './pagination.js';
import { invalidParameter } from '../domain/errors.js';
import { errorResponses } from '../domain/common.js';
import { routeConfig } from './route-config.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const LIST_PRODUCES = ['application/json', 'text/csv'];

declare module 'fastify' {
  interface FastifyRequest {
    /** `fields=` of a JSON list request, taken out of the query before validation (see takeFields). */
    fieldSelection?: string;
  }
}

export const FieldsSchema = z
  .string()
  .max(500)
  .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, 'must be a comma-separated list of field names')
  .optional()
  .describe('Only these top-level fields of each record (comma-separated), e.g. id,country,decided');

export const BomSchema = z
  .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'must be true or false' }))
  .optional()
  .describe('true to start the file with a UTF-8 byte order mark, so that Excel reads non-Latin text right');

export const ListOnlyQuerySchema = z.strictObject({});

/** The documented 200 of a JSON list: its one schema. */
export function listResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** The paths of the lists that have a `.csv` sibling, filled as the CSV routes are registered. */
const csvSiblings = new Set<string>();

/**
 * Fastify's rewriteUrl: on a list path, `format=csv` or an Accept that prefers text/csv is the `.csv` operation, and
 * `format=json` the list itself, so each representation has one operation (and one ETag). Other values of `format`
 * stay, for the list to refuse as an unknown parameter.
 */
export function rewriteCsvUrl(url: string, accept: string | undefined): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const bare = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (!csvSiblings.has(bare)) return url;
  // No format in the query (nearly every request): the Accept header alone decides, and JSON keeps the URL as sent.
  if (q < 0 || !url.includes('format', q)) {
    if (preferred(accept, LIST_PRODUCES) !== 'text/csv') return url;
  }
  const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  const formats = params.getAll('format');
  if (formats.length > 1 || (formats.length === 1 && formats[0] !== 'csv' && formats[0] !== 'json')) return url;
  const csv = formats.length ? formats[0] === 'csv' : preferred(accept, LIST_PRODUCES) === 'text/csv';
  if (!csv && formats.length === 0) return url;
  params.delete('format');
  const search = params.toString();
  return `${csv ? `${bare}.csv` : bare}${search ? `?${search.replaceAll('+', '%20')}` : ''}`;
}

const columnCache = new WeakMap<z.ZodType, string[]>();
const tableCache = new WeakMap<z.ZodType, CsvTable[]>();
const jsonSchemaOf = (item: z.ZodType) => z.toJSONSchema(item, { io: 'output', unrepresentable: 'any' }) as never;

export function columns(item: z.ZodType): string[] {
  let cols = columnCache.get(item);
  if (!cols) columnCache.set(item, (cols = columnsOf(jsonSchemaOf(item))));
  return cols;
}

export function tables(item: z.ZodType): CsvTable[] {
  let t = tableCache.get(item);
  if (!t) tableCache.set(item, (t = tablesOf(jsonSchemaOf(item))));
  return t;
}

/** The selected top-level names; an unknown name is a 400 naming `fields`. */
function selected(known: string[], fields: string | undefined): string[] | undefined {
  if (!fields) return undefined;
  const names = fields.split(',');
  const top = new Set(known.map((c) => c.split('.')[0]!));
  const unknown = names.filter((n) => !top.has(n));
  if (unknown.length > 0) throw invalidParameter('query', 'fields', `unknown field ${unknown.join(', ')}`);
  return names;
}

/** preValidation of a JSON list: `fields=` is taken out of the query (it is not part of the documented operation). */
export async function takeFields(req: FastifyRequest): Promise<void> {
  const q = req.query as Record<string, unknown>;
  if (!('fields' in q)) return;
  const parsed = FieldsSchema.safeParse(Array.isArray(q.fields) ? q.fields.join(',') : q.fields);
  if (!parsed.success) throw invalidParameter('query', 'fields', parsed.error.issues[0]!.message);
  req.fieldSelection = parsed.data;
  delete q.fields;
}

/** Takes `fields=` out of the query of every JSON list that has a CSV sibling. */
export function registerListHooks(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (csvSiblings.has(routeConfig(req).url ?? '')) await takeFields(req);
    }
  });
}

export interface ListResult<T> {
  data: T[];
  next?: string | null;
  total?: number;
  limit?: number;
}

function pageHeaders(
  req: FastifyRequest,
  reply: FastifyReply,
  result: { next?: string | null | undefined; total?: number | undefined },
): void {
  if (result.next !== undefined) setLinkHeader(req, reply, result.next);
  if (result.total !== undefined) reply.header('x-total-count', String(result.total));
}

/**
 * Replies with a JSON list `{ data, page }` (page only for paginated lists) and sets the Link header. With `fields=`
 * each record keeps only the selected fields, serialised through the record schema cut down to them (so a wrong
 * value is still refused, never passed through).
 */
export function sendList<T extends object>(
  req: FastifyRequest,
  reply: FastifyReply,
  item: z.ZodType,
  result: ListResult<T>,
  extra: Record<string, unknown> = {},
): FastifyReply {
  pageHeaders(req, reply, result);
  let data: unknown[] = result.data;
  const names = selected(columns(item), req.fieldSelection);
  reply.type('application/json; charset=utf-8');
  if (names && item instanceof z.ZodObject) {
    const cut = item.pick(Object.fromEntries(names.map((n) => [n, true])) as never);
    data = result.data.map((d) => Object.fromEntries(names.map((n) => [n, (d as Record<string, unknown>)[n]])));
    const body = z.looseObject({ data: z.array(cut) });
    reply.serializer((x: unknown) => JSON.stringify(body.parse(x)));
  }
  if (result.next === undefined) return reply.send({ ...extra, data });
  const page: { limit: number; next: string | null; total?: number } = {
    limit: result.limit ?? data.length,
    next: result.next,
  };
  if (result.total !== undefined) page.total = result.total;
  return reply.send({ ...extra, data, page });
}

/**
 * Replies with a page `{ data, page }` whose records are already serialised (`bodies`: their JSON joined by commas,
 * each encoded by the record schema when the import stored it, see writeCaseBodies in db/case-doc.ts): the envelope
 * is encoded by the list schema with no records and the bodies put in its empty array, so the bytes are those
 * sendList would send. `fields=` is not for this: the caller sends those with sendList.
 */
export function sendBodies(
  req: FastifyRequest,
  reply: FastifyReply,
  list: z.ZodType,
  result: { bodies: string; next: string | null; total?: number | undefined; limit: number },
): FastifyReply {
  pageHeaders(req, reply, result);
  const page: { limit: number; next: string | null; total?: number } = { limit: result.limit, next: result.next };
  if (result.total !== undefined) page.total = result.total;
  const envelope = JSON.stringify(z.encode(list, { data: [], page }));
  if (!envelope.startsWith(EMPTY_DATA)) throw new Error('the list envelope does not begin with its data');
  reply.type('application/json; charset=utf-8');
  return reply.send(Buffer.from(`${EMPTY_DATA.slice(0, -1)}${result.bodies}]${envelope.slice(EMPTY_DATA.length)}`));
}
const EMPTY_DATA = '{"data":[]';

type ZodApp = FastifyInstance<any, any, any, any, ZodTypeProvider>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CsvRouteOptions<Q extends z.ZodObject> {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  /** The query of the JSON operation; the CSV one adds fields, table and bom. */
  querystring: Q;
  /** The record schema: its leaf paths are the columns, its lists of objects the child tables. */
  item: z.ZodType;
  /** The main table's name (the default of `table`) and the key column of child tables. */
  table: string;
  key: { field: string; column: string };
  load: (
    req: FastifyRequest,
    query: z.output<Q>,
    reply: FastifyReply,
  ) => Promise<ListResult<object> & { columns?: string[]; keys?: { field: string; column: string }[] }>;
}

/** Registers `GET <path>.csv` (200 text/csv only) beside the JSON list at `path`. */
export function csvRoute<Q extends z.ZodObject>(app: ZodApp, path: string, o: CsvRouteOptions<Q>): void {
  const childTables = tables(o.item);
  const names = [o.table, ...childTables.map((t) => t.path)] as [string, ...string[]];
  const querystring = o.querystring.extend({
    table: z
      .enum(names)
      .default(o.table)
      .describe(
        `${o.table} (default): one row per record, lists as aligned cells joined with " | "` +
          (childTables.length ? `; or a list as its own table, one row per item keyed by ${o.key.column}` : ''),
      ),
    fields: FieldsSchema,
    bom: BomSchema,
  });
  csvSiblings.add(`${app.prefix}${path}`);
  app.get(
    `${path}.csv`,
    {
      // A CSV of an answer for "today" (/v1/compare without a date) is keyed by the day too (caching.ts).
      config: { produces: ['text/csv'], today: path === '/compare', history: path === '/changes' },
      schema: {
        operationId: o.operationId,
        tags: o.tags,
        summary: o.summary,
        description:
          (o.description ? `${o.description} ` : '') +
          `The same records as GET ${app.prefix}${path}, as CSV with a header row: nested fields as dot-separated ` +
          'columns. Also reached by `format=csv` or `Accept: text/csv` on the JSON path.',
        querystring,
        response: {
          200: {
            description: 'The records as CSV (RFC 4180, UTF-8, CRLF line ends)',
            content: {
              'text/csv': {
                schema: z.string().describe('CSV with a header row; one row per record (or per item of `table`)'),
              },
            },
          },
          ...errorResponses(),
        },
      },
    },
    async (req, reply) => {
      const { table, fields, bom, ...rest } = req.query as { table: string; fields?: string; bom?: boolean };
      const result = await o.load(req, rest as z.output<Q>, reply);
      pageHeaders(req, reply, result);
      reply.type(CSV_TYPE).serializer((x: unknown) => x as string);
      const child = childTables.find((t) => t.path === table);
      if (child) {
        const keys = result.keys ?? [o.key];
        const { columns: cols, rows } = tableRows(result.data, child, keys);
        const keep = selected(child.columns, fields);
        const chosen = keep
          ? cols.filter((c, i) => i < keys.length + child.lists.length || keep.includes(c.split('.')[0]!))
          : cols;
        return reply.send(flatCsv(rows, chosen, { bom }));
      }
      const all = result.columns ?? columns(o.item);
      const keep = selected(all, fields);
      const chosen = keep ? all.filter((c) => keep.includes(c.split('.')[0]!)) : all;
      return reply.send(toCsv(result.data, chosen, { bom }));
    },
  );
}
