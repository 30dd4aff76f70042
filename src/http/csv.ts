// CSV (RFC 4180, csv-stringify) of list records: nested objects become dot-separated columns; a list inside a record
// is either an aligned cell (its values joined with " | ", an empty value keeping the place of a null, so parallel
// columns line up item by item) or a table of its own (one row per item, keyed by the parent record and positions).
//   { court: { name: 'X' }, sentences: [{ years: null }, { years: 5 }] }  ->  court.name = X, sentences.years = " | 5"
import { stringify } from 'csv-stringify/sync';

export const LIST_SEPARATOR = ' | ';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The values at a dot path of a value: one per item of every list crossed, '' where a value is null or missing. */
export function valuesAt(value: unknown, path: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (path.length === 0) return [text(value)];
  if (value === null || value === undefined || typeof value !== 'object') return [''];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

/** One flat row over the given columns: each cell the aligned values at its path. */
export function rowOf(record: unknown, columns: readonly string[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c, valuesAt(record, c.split('.')).join(LIST_SEPARATOR)]));
}

/** A CSV document with a header row (and a UTF-8 byte order mark for Excel when `bom`). */
export function toCsv(records: readonly unknown[], columns: readonly string[], opts: { bom?: boolean } = {}): string {
  return stringify(
    records.map((r) => columns.map((c) => valuesAt(r, c.split('.')).join(LIST_SEPARATOR))),
    { header: true, columns: [...columns], bom: opts.bom ?? false, record_delimiter: '\r\n' },
  );
}

/** Rows already flat (column -> value), e.g. the rows of a child table. */
export function flatCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  opts: { bom?: boolean } = {},
): string {
  return stringify(
    rows.map((r) => columns.map((c) => text(r[c]))),
    { header: true, columns: [...columns], bom: opts.bom ?? false, record_delimiter: '\r\n' },
  );
}

function deref(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema {
  let s = schema;
  while (s.$ref) s = defs[s.$ref.replace('#/$defs/', '')] ?? {};
  const variants = (s.anyOf ?? s.oneOf)?.filter((v) => v.type !== 'null');
  return variants?.length === 1 ? deref(variants[0]!, defs) : s;
}

/** The CSV columns of a record schema (JSON Schema of its output): every leaf path, in declaration order. */
export function columnsOf(
  schema: JsonSchema,
  prefix = '',
  defs: Record<string, JsonSchema> = schema.$defs ?? {},
): string[] {
  if (schema.$ref) {
    const target = defs[schema.$ref.replace('#/$defs/', '')];
    return target ? columnsOf(target, prefix, defs) : [prefix];
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const cols: string[] = [];
    for (const v of variants) for (const c of columnsOf(v, prefix, defs)) if (!cols.includes(c)) cols.push(c);
    return cols;
  }
  if (schema.items) return columnsOf(schema.items, prefix, defs);
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([k, v]) => columnsOf(v, prefix ? `${prefix}.${k}` : k, defs));
  }
  return schema.type === 'null' ? [] : [prefix];
}

/** A child table: the dot path of a list of objects inside the record, the lists crossed, its items' columns. */
export interface CsvTable {
  path: string;
  /** The segments of the path that are lists (each gets an index column), the last one included. */
  lists: string[];
  columns: string[];
}

/** Every list of objects in a record schema, nested ones too (versions, versions.parts, ...). */
export function tablesOf(
  schema: JsonSchema,
  prefix = '',
  defs: Record<string, JsonSchema> = schema.$defs ?? {},
  lists: string[] = [],
): CsvTable[] {
  const s = deref(schema, defs);
  const out: CsvTable[] = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    const p = deref(v, defs);
    const path = prefix ? `${prefix}.${k}` : k;
    if (p.items) {
      const item = deref(p.items, defs);
      if (item.properties) {
        out.push({ path, lists: [...lists, k], columns: columnsOf(item, '', defs) });
        out.push(...tablesOf(item, path, defs, [...lists, k]));
      }
    } else if (p.properties) out.push(...tablesOf(p, path, defs, lists));
  }
  return out;
}

/** The index column of one list level of a child table: `versions` -> versionsIndex. */
export const indexColumn = (segment: string) => `${segment}Index`;

/**
 * The rows of a child table: one per item at `path` (a list, possibly inside other lists), each with the parent's
 * key columns, the position of the item at every list level (from 0), then the item's own columns.
 */
export function tableRows(
  records: readonly unknown[],
  table: CsvTable,
  keys: readonly { field: string; column: string }[],
): { columns: string[]; rows: Record<string, string>[] } {
  const segments = table.path.split('.');
  const rows: Record<string, string>[] = [];
  const walk = (value: unknown, depth: number, base: Record<string, string>) => {
    if (value === null || value === undefined) return;
    if (depth === segments.length) {
      rows.push({ ...base, ...rowOf(value, table.columns) });
      return;
    }
    const next = (value as Record<string, unknown>)[segments[depth]!];
    if (Array.isArray(next)) {
      next.forEach((item, i) => walk(item, depth + 1, { ...base, [indexColumn(segments[depth]!)]: String(i) }));
    } else walk(next, depth + 1, base);
  };
  for (const r of records) {
    walk(r, 0, Object.fromEntries(keys.map((k) => [k.column, valuesAt(r, k.field.split('.')).join(LIST_SEPARATOR)])));
  }
  return { columns: [...keys.map((k) => k.column), ...table.lists.map(indexColumn), ...table.columns], rows };
}
