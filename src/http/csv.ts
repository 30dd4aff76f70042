// CSV (RFC 4180) of list records: nested objects become dot-separated columns; lists join their values with " | ".
//   { court: { name: 'X' }, sources: [{ id: 'a' }, { id: 'b' }] }  ->  court.name = X, sources.id = a | b
// A list of lists (versions.parts.penalties) joins at every level, so a column may hold values of several items.

export const LIST_SEPARATOR = ' | ';

type Flat = Record<string, string>;

function leaves(value: unknown, prefix: string, out: Map<string, string[]>): void {
  if (Array.isArray(value)) {
    for (const item of value) leaves(item, prefix, out);
    if (value.length === 0 && !out.has(prefix)) out.set(prefix, []);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  const list = out.get(prefix) ?? [];
  if (value !== null && value !== undefined) list.push(String(value));
  out.set(prefix, list);
}

/** One flat row: every leaf path of the record, list values joined. */
export function flatten(record: unknown): Flat {
  const m = new Map<string, string[]>();
  leaves(record, '', m);
  const row: Flat = {};
  for (const [k, v] of m) row[k] = v.join(LIST_SEPARATOR);
  return row;
}

function cell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** A CSV document with a header row; the columns are the union of every record's leaf paths, in first-seen order. */
export function toCsv(records: readonly unknown[], columns?: readonly string[]): string {
  const rows = records.map(flatten);
  const cols = columns ? [...columns] : [];
  if (!columns) {
    const seen = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), cols.push(k));
  }
  const lines = [cols.map(cell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => cell(r[c] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Parses CSV made by toCsv (for tests and clients in this codebase). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

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
