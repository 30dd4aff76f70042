// Cursor pagination: opaque cursors over a sort key, and the Link header of the next page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidParameter } from '../domain/errors.js';
import type { KeyKind, PageKey } from '../domain/paging.js';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The kinds of key a cursor holds: an id, a day (YYYY-MM-DD, a real date), a sequence number, a rank. */
export type CursorKey = KeyKind;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const VALID: Record<CursorKey, (k: string) => boolean> = {
  id: (k) => k.length <= 200 && !CONTROL.test(k),
  date: (k) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(k);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(y, mo - 1, d));
    return y >= 1900 && y <= 2100 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  },
  int: (k) => /^\d{1,15}$/.test(k),
  number: (k) => /^-?\d{1,15}(\.\d{1,15})?(e[-+]?\d{1,3})?$/i.test(k) && Number.isFinite(Number(k)),
};

/** Decodes a cursor made by encodeCursor whose keys are of the given kinds; anything else (a tampered or crafted
 * cursor: a wrong shape, an impossible date, a NUL, a number out of range) is a 400 naming `cursor`, never a query. */
export function decodeCursor(cursor: string | undefined, kinds: readonly CursorKey[]): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === kinds.length &&
      key.every((k, i) => typeof k === 'string' && VALID[kinds[i]!](k))
    )
      return key as string[];
  } catch {
    // fall through
  }
  throw invalidParameter('query', 'cursor', 'is not a cursor returned by this API');
}

/**
 * Runs a list query on the page a request's cursor names: the cursor is decoded into the query's sort key here, and
 * the next page's key comes back encoded; queries deal in keys, never in cursors. A cursor that is not one of ours
 * is a 400 naming `cursor`, but only after the query has had its say: a filter naming nothing (or a `since` that is
 * unknown) is named first, as it always was (that costs a statement only on this error path).
 */
export async function paged<Q extends { cursor?: string | undefined }, R extends { nextKey: PageKey | null }>(
  q: Q,
  kinds: readonly KeyKind[],
  run: (q: Omit<Q, 'cursor'> & { after?: readonly string[] | undefined }) => Promise<R>,
): Promise<Omit<R, 'nextKey'> & { next: string | null }> {
  const { cursor, ...rest } = q;
  let after: string[] | undefined;
  try {
    after = decodeCursor(cursor, kinds);
  } catch (badCursor) {
    await run(rest);
    throw badCursor;
  }
  const { nextKey, ...result } = await run({ ...rest, after });
  return { ...result, next: nextKey ? encodeCursor(nextKey) : null };
}

/** Sets `Link: <...>; rel="next"` to the same request with the next cursor. */
export function setLinkHeader(req: FastifyRequest, reply: FastifyReply, next: string | null): void {
  if (next === null) return;
  const url = new URL(req.url, 'http://localhost');
  url.searchParams.set('cursor', next);
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
}
