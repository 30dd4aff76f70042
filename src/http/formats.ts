// List responses in JSON or CSV, with field selection and optional totals; the shared query parameters of lists.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { columnsOf, toCsv } from './csv.js';
import { preferred } from './negotiate.js';
import { setLinkHeader } from './pagination.js';
import { invalidParameter } from './problem.js';
import { PageSchema } from '../domain/common.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const LIST_PRODUCES = ['application/json', 'text/csv'];

export const FormatSchema = z
  .enum(['json', 'csv'])
  .optional()
  .describe('Response format; overrides Accept. CSV has one row per record, nested values flattened (see README)');

export const FieldsSchema = z
  .string()
  .max(500)
  .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, 'must be a comma-separated list of field names')
  .optional()
  .describe('Only these top-level fields of each record (comma-separated), e.g. id,country,decided');

export const CountFlagSchema = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true')
  .describe('true to add the total number of matching records as page.total');

/** The query parameters every list takes. */
export const listParams = { format: FormatSchema, fields: FieldsSchema };

export const ListOnlyQuerySchema = z.strictObject({ ...listParams });

/** A list answered with `fields=`: each record holds only the selected top-level fields. */
export const PartialListSchema = z
  .object({
    data: z
      .array(z.record(z.string(), z.unknown()))
      .describe('The records, each with only the fields named in `fields`'),
    page: PageSchema.optional(),
  })
  .describe('A list whose records were cut down to the fields named in `fields`')
  .meta({ id: 'PartialList' });

/** The documented 200 of a list: JSON (the list schema, or a partial list with `fields=`) or CSV. */
export function listResponse<T extends z.ZodType>(schema: T, description: string) {
  return {
    description,
    content: {
      'application/json': { schema: z.union([schema, PartialListSchema]) },
      'text/csv': {
        schema: z
          .string()
          .describe('CSV with a header row; nested fields as dot-separated columns, lists joined with " | "'),
      },
    },
  };
}

/** The format a list request asked for: `format` first, then Accept (CSV only when preferred over JSON). */
export function wantsCsv(req: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return preferred(req.headers.accept, LIST_PRODUCES) === 'text/csv';
}

const columnCache = new WeakMap<z.ZodType, string[]>();

function columns(item: z.ZodType): string[] {
  let cols = columnCache.get(item);
  if (!cols) {
    cols = columnsOf(z.toJSONSchema(item, { io: 'output', unrepresentable: 'any' }) as never);
    columnCache.set(item, cols);
  }
  return cols;
}

/** Keeps the selected top-level fields; an unknown name is a 400 naming `fields`. */
export function selectFields<T extends object>(item: z.ZodType, data: T[], fields: string | undefined): Partial<T>[] {
  if (!fields) return data;
  const names = fields.split(',');
  const known = new Set(columns(item).map((c) => c.split('.')[0]!));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw invalidParameter('query', 'fields', `unknown field ${unknown.join(', ')}`);
  return data.map((d) => Object.fromEntries(names.map((n) => [n, (d as Record<string, unknown>)[n]])) as Partial<T>);
}

export interface ListResult<T> {
  data: T[];
  next?: string | null;
  total?: number;
  limit?: number;
}

/**
 * Replies with a list: JSON `{ data, page }` (page only for paginated lists) or CSV; sets the Link header.
 * The CSV body bypasses the JSON serializer; JSON goes through the route's response schema.
 */
export function sendList<T extends object>(
  req: FastifyRequest,
  reply: FastifyReply,
  item: z.ZodType,
  result: ListResult<T>,
  q: { format?: string | undefined; fields?: string | undefined },
): FastifyReply {
  const data = selectFields(item, result.data, q.fields);
  if (result.next !== undefined) setLinkHeader(req, reply, result.next);
  if (result.total !== undefined) reply.header('x-total-count', String(result.total));
  if (wantsCsv(req, q.format)) {
    const cols = columns(item).filter((c) => !q.fields || q.fields.split(',').includes(c.split('.')[0]!));
    return reply
      .type(CSV_TYPE)
      .serializer((x: unknown) => x as string)
      .send(toCsv(data, cols));
  }
  reply.type('application/json; charset=utf-8');
  // Selected fields leave records partial, which the full response schema would reject: serialise them as they are.
  if (q.fields) reply.serializer(JSON.stringify);
  if (result.next === undefined) return reply.send({ data });
  const page: { limit: number; next: string | null; total?: number } = {
    limit: result.limit ?? data.length,
    next: result.next,
  };
  if (result.total !== undefined) page.total = result.total;
  return reply.send({ data, page });
}
