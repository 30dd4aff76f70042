// parseCsv for tests: csv-parse over a CSV body (header row, optional BOM), records as column -> string.
import { parse } from 'csv-parse/sync';

export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, relax_column_count: false }) as Record<string, string>[];
}

/** The header row of a CSV body. */
export function csvHeader(text: string): string[] {
  return (parse(text, { bom: true, to_line: 1 }) as string[][])[0] ?? [];
}
