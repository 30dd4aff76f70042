// Response compression settings shared by @fastify/compress (answers computed per request) and the response cache
// (answers compressed once per entry and encoding): the same options, the same negotiation, so both give one result.
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import negotiate from '@fastify/accept-negotiator';

/** Bodies smaller than this are sent as they are. */
export const COMPRESS_THRESHOLD = 1024;
/** Brotli quality 4, @fastify/compress's default (11 costs far more CPU for a few per cent). */
export const BROTLI_OPTIONS: zlib.BrotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
export const ZLIB_OPTIONS: zlib.ZlibOptions = {};

/** The options given to @fastify/compress (app.ts). */
export const COMPRESS_PLUGIN_OPTIONS = {
  threshold: COMPRESS_THRESHOLD,
  brotliOptions: BROTLI_OPTIONS,
  zlibOptions: ZLIB_OPTIONS,
};

export type Encoding = 'zstd' | 'br' | 'gzip' | 'deflate';

const zstd = (zlib as unknown as { zstdCompress?: unknown }).zstdCompress;
// The plugin's order of preference, zstd first where Node has it (22.15+).
const SUPPORTED = [...(typeof zstd === 'function' ? ['zstd'] : []), 'br', 'gzip', 'deflate', 'identity'];
const gzipAlias = /\*|x-gzip/gu;

/** The encoding @fastify/compress would choose for these request headers, or undefined for none (identity): the
 * same parser and order; `*` and x-gzip read as gzip; x-no-compression turns it off. */
export function encodingFor(headers: Record<string, string | string[] | undefined>): Encoding | undefined {
  if (headers['x-no-compression'] !== undefined) return undefined;
  const header = headers['accept-encoding'];
  if (typeof header !== 'string') return undefined;
  const chosen = negotiate(header.toLowerCase().replace(gzipAlias, 'gzip'), SUPPORTED);
  return chosen && chosen !== 'identity' ? (chosen as Encoding) : undefined;
}

/** The plugin's default test of a compressible type (text, JSON, XML), without its mime-db fallback: a type outside
 * it is left to the plugin. */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

export function compressible(contentType: unknown, size: number): boolean {
  return size >= COMPRESS_THRESHOLD && COMPRESSIBLE.test(String(contentType ?? 'application/json'));
}

const run: Record<Encoding, (b: Buffer) => Promise<Buffer>> = {
  br: (b) => promisify(zlib.brotliCompress)(b, BROTLI_OPTIONS),
  gzip: (b) => promisify(zlib.gzip)(b, ZLIB_OPTIONS),
  deflate: (b) => promisify(zlib.deflate)(b, ZLIB_OPTIONS),
  zstd: (b) => promisify(zstd as (b: Buffer, cb: (e: Error | null, r: Buffer) => void) => void)(b),
};

/** Counts compressions since start, so tests can tell a stored variant from a fresh one. */
export const compressions = { count: 0 };

/** Compresses off the event loop (zlib's thread pool), as the plugin's streams do. */
export function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  compressions.count += 1;
  return run[encoding](body);
}
