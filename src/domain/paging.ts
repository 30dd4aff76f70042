// Keyset pages in the domain's terms: a list query reads the rows after a sort key and says the key of the next page.
// How a key travels (an opaque cursor in a URL) is http's business (http/pagination.ts); queries never see it.

/** The kinds of value a sort key holds: an id, a day (YYYY-MM-DD), a sequence number, a rank. */
export type KeyKind = 'id' | 'date' | 'int' | 'number';

/** The position of a page: the sort key of the last row before it. */
export type PageKey = readonly (string | number)[];

/** A list query's input: its filters, and in place of a cursor the key to start after (decoded by http). */
export type Paged<Q> = Omit<Q, 'cursor'> & { after?: readonly string[] | undefined };

/** Takes the one row beyond the page that the query fetched to know whether a next page exists. */
export function pageRows<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => PageKey,
): { data: T[]; nextKey: PageKey | null } {
  if (rows.length <= limit) return { data: rows, nextKey: null };
  const data = rows.slice(0, limit);
  return { data, nextKey: keyOf(data[data.length - 1]!) };
}
