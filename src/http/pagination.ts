// Cursor pagination: opaque cursors over a sort key, and the Link header of the next page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidParameter } from './problem.js';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `arity` string keys; a tampered cursor is a 400 naming `cursor`. */
export function decodeCursor(cursor: string | undefined, arity: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string')) return key as string[];
  } catch {
    // fall through
  }
  throw invalidParameter('query', 'cursor', 'is not a cursor returned by this API');
}

/** Takes one row more than the page to know whether a next page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string[]): { data: T[]; next: string | null } {
  if (rows.length <= limit) return { data: rows, next: null };
  const data = rows.slice(0, limit);
  return { data, next: encodeCursor(keyOf(data[data.length - 1]!)) };
}

/** Sets `Link: <...>; rel="next"` to the same request with the next cursor. */
export function setLinkHeader(req: FastifyRequest, reply: FastifyReply, next: string | null): void {
  if (next === null) return;
  const url = new URL(req.url, 'http://localhost');
  url.searchParams.set('cursor', next);
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
}
