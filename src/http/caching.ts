// HTTP caching from the dataset revision: ETag, Last-Modified, Cache-Control, and 304 before any query runs.
import { createHash } from 'node:crypto';
import fresh from 'fresh';
import { LRUCache } from 'lru-cache';
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { importCount } from '../db/imports.js';
import { preferred } from './negotiate.js';
import { compress, compressible, encodingFor, type Encoding } from './compression.js';
import { routeConfig } from './route-config.js';

export interface Revision {
  revision: string;
  importedAt: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false for routes whose answer does not derive from the dataset alone (health, readiness). */
    cache?: boolean;
    /** true for routes whose `date` parameter defaults to today: the day is part of the representation. */
    today?: boolean;
    /** true for routes whose answer depends on the import history, not only the dataset (the change feed). */
    history?: boolean;
  }
  interface FastifyRequest {
    revision?: Revision;
  }
}

/**
 * Remembers the current revision for `ttlMs`, so conditional and cached requests cost no query. An import in this
 * process shows at once; one run by another process (npm run data:import) within ttl.
 */
export function revisionCache(load: () => Promise<Revision | undefined>, ttlMs = 2000): CurrentRevision {
  let value: Revision | undefined;
  let at = 0;
  let seenImports = importCount();
  let pending: Promise<Revision | undefined> | undefined;
  const peek = (): Revision | undefined => {
    if (seenImports !== importCount()) ((seenImports = importCount()), (value = undefined), (pending = undefined));
    return value && Date.now() - at < ttlMs ? value : undefined;
  };
  const current = async (): Promise<Revision | undefined> => {
    const known = peek();
    if (known) return known;
    pending ??= load().finally(() => (pending = undefined));
    const v = await pending;
    if (v) ((value = v), (at = Date.now()));
    return v;
  };
  return Object.assign(current, { peek });
}

/** The current revision, read or remembered; `peek` answers at once when it is remembered (no promise, no turn of the
 * microtask queue: the path of every cached and conditional answer). */
export type CurrentRevision = (() => Promise<Revision | undefined>) & { peek?: () => Revision | undefined };

/** The representation a request gets: the media type negotiated from Accept among those the route produces (so
 * two Accept headers that choose the same type share one ETag and one cache entry), else the route's one type. */
function representationOf(req: FastifyRequest): string {
  const produces = routeConfig(req).produces;
  if (!produces || produces.length < 2) return produces?.[0] ?? 'application/json';
  return preferred(req.headers.accept, produces);
}

/** A weak validator: the same for every encoding of one representation (URL and negotiated type) of one revision. */
export function etagOf(rev: Revision, req: FastifyRequest): string {
  // Derived from the content: the dataset revision (in the tag), the URL and the representation, identical across
  // restarts and instances. Only the change feed depends on the import history (a dataset reverted to an earlier
  // revision is a new import, with a longer feed): its tag has the import time too.
  // An answer for "today" (no date given) changes at midnight UTC: the day is resolved before caching and is part of
  // the ETag and so of the cache key, instead of freezing the first day's answer until the next import.
  const today =
    routeConfig(req).today && !(req.query as Record<string, unknown> | undefined)?.date
      ? new Date().toISOString().slice(0, 10)
      : '';
  const input = `${routeConfig(req).history ? rev.importedAt : ''}\n${req.url}\n${representationOf(req)}\n${today}`;
  // Each request asks for its ETag before anything else (a cached answer is looked up by it): the tags of recent
  // representations are remembered, so that a hit costs no hash. Bounded; emptied when full.
  let h = recentTags.get(input);
  if (h === undefined) {
    h = createHash('sha1').update(input).digest('base64url').slice(0, 16);
    // Long URLs are hashed each time, so that the map stays small (10,000 entries of at most 512 characters).
    if (input.length <= 512) {
      if (recentTags.size >= RECENT_TAGS_MAX) recentTags.clear();
      recentTags.set(input, h);
    }
  }
  return `W/"${rev.revision}-${h}"`;
}

const RECENT_TAGS_MAX = 10_000;
const recentTags = new Map<string, string>();

/** Whether the request's validators match the ETag (fresh: If-None-Match with weak comparison, `*`, and a request
 * Cache-Control: no-cache that asks for a full answer). */
function matches(req: FastifyRequest, etag: string): boolean {
  if (!req.headers['if-none-match']) return false;
  return fresh(req.headers, { etag });
}

export interface CachedResponse {
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

/** A stored answer: the identity body and, added as clients ask for them, its compressed variants (each compressed
 * once per entry and encoding, then sent as stored bytes). */
export interface CacheEntry {
  headers: Record<string, string | string[]>;
  /** The same headers but Vary (added per exchange) as one flat list of names and values, as node:http's writeHead
   * takes them: a stored answer is written without building a headers object per request. */
  flat: string[];
  body: Buffer;
  variants: Partial<Record<Encoding, Buffer>>;
}

/** What an entry really holds: the body and its variants as bytes (a string body would be kept as UTF-16, up to
 * twice its UTF-8 length), the key and the headers as strings (two bytes a character), and the map's own overhead. */
export function entrySize(key: string, value: CachedResponse & { variants?: CacheEntry['variants'] }): number {
  let variants = 0;
  for (const v of Object.values(value.variants ?? {})) variants += v.length + 64;
  return Buffer.byteLength(value.body) + variants + 2 * (key.length + JSON.stringify(value.headers).length) + 256;
}

/** Serialised 200 bodies by ETag and URL (revision, URL, representation), least recently used evicted past
 * `maxBytes` (lru-cache with a byte budget). */
export function responseCache(maxBytes: number) {
  // One response may take at most an eighth of the cache, so a few large answers cannot flush everything else.
  const maxEntrySize = Math.max(1, Math.floor(maxBytes / 8));
  const entries = new LRUCache<string, CacheEntry>({
    maxSize: Math.max(1, maxBytes),
    maxEntrySize,
    sizeCalculation: (value, key) => entrySize(key, value),
  });
  // One compression per entry and encoding, even when many requests ask for a missing variant at once.
  const pending = new Map<string, Promise<Buffer>>();
  return {
    get(key: string): CacheEntry | undefined {
      return entries.get(key);
    },
    set(key: string, value: CachedResponse): CacheEntry {
      const old = entries.get(key);
      if (old) return old;
      const body = Buffer.isBuffer(value.body) ? value.body : Buffer.from(value.body);
      const flat: string[] = [];
      for (const [name, v] of Object.entries(value.headers)) {
        if (name === 'vary') continue;
        for (const one of Array.isArray(v) ? v : [v]) flat.push(name, one);
      }
      const entry: CacheEntry = { headers: value.headers, flat, body, variants: {} };
      entries.set(key, entry);
      return entry;
    },
    /** The body of `entry` in `encoding`: the stored variant, or one compression whose result is stored with the
     * entry (its size counted again, so the byte budget holds). */
    async variant(key: string, entry: CacheEntry, encoding: Encoding): Promise<Buffer> {
      const stored = entry.variants[encoding];
      if (stored) return stored;
      const id = `${encoding}\n${key}`;
      let p = pending.get(id);
      if (!p) {
        p = compress(entry.body, encoding).finally(() => pending.delete(id));
        pending.set(id, p);
        void p.then(
          (bytes) => {
            // Kept only while the entry is stored and stays within its bound with the variant, as a new value (lru-cache
            // counts a value's size when it is set). Otherwise this encoding is compressed per request, as uncached.
            const now = entries.peek(key);
            if (!now || now.body !== entry.body) return;
            const next = { ...now, variants: { ...now.variants, [encoding]: bytes } };
            if (entrySize(key, next) <= maxEntrySize) entries.set(key, next, { noUpdateTTL: true });
          },
          () => {},
        );
      }
      return p;
    },
    get size(): number {
      return entries.size;
    },
    /** Bytes held, as the byte budget counts them. */
    get bytes(): number {
      return entries.calculatedSize;
    },
    /** Counts since start: answers served from the cache (hits), computed (misses), and taken from a simultaneous
     * request's computation (coalesced). */
    stats: { hits: 0, misses: 0, coalesced: 0 },
  };
}

export type ResponseCache = ReturnType<typeof responseCache>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on the one request computing a cacheable answer that others wait for; called once it is stored or lost. */
    flightDone?: () => void;
    /** This request's ETag, computed once when its revision is known. */
    etag?: string;
  }
}

/** Headers that belong to one exchange, never to a stored response (CORS answers depend on the request's Origin). */
const UNCACHED_HEADERS =
  /^(content-length|date|connection|keep-alive|x-ratelimit-.*|retry-after|set-cookie|access-control-.*|vary)$/i;

/** Adds Accept and Accept-Encoding to whatever Vary another hook (CORS: Origin) already set. */
function varyWith(current: unknown): string {
  // Nearly always the same value (none, or CORS's Origin): the answer for the last one is kept.
  if (current === lastVary.current) return lastVary.value;
  const value = varyOf(current);
  lastVary.current = current;
  lastVary.value = value;
  return value;
}
const lastVary: { current: unknown; value: string } = { current: Symbol('none yet'), value: '' };

function varyOf(current: unknown): string {
  const names = new Set(
    String(current ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  );
  for (const n of ['Accept', 'Accept-Encoding']) names.add(n);
  return [...names].join(', ');
}

/** The longest a request waits for a simultaneous request's answer before computing its own. */
export const FLIGHT_WAIT_MS = 5_000;

export function registerCaching(
  app: FastifyInstance,
  current: CurrentRevision,
  maxAge: number,
  cache?: ResponseCache,
): void {
  // The ETag already stands for the import, URL and Accept; the URL is added so that a hash collision cannot matter.
  const keyOf = (req: FastifyRequest) => `${req.etag}\n${req.url}`;
  // Single flight: while one request computes a cacheable answer, others for the same key wait for it instead of
  // running the same queries (a dashboard's burst on a cold cache, or every client just after an import).
  const flights = new Map<string, Promise<void>>();
  const land = (req: FastifyRequest) => {
    const done = req.flightDone;
    req.flightDone = undefined;
    done?.();
  };

  // preParsing, not onRequest: it runs after every onRequest hook, the rate limit (a hook of each route, which runs
  // after the app's own) and load shedding included, so a conditional or cached answer is still counted and limited.
  // Callback style, and synchronous when the revision is remembered and the answer stored in the encoding asked for:
  // no promise and no turn of the microtask queue on the path of nearly every cached answer.
  app.addHook('preParsing', (req, reply, payload, done) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || routeConfig(req).cache === false || !routeConfig(req).url)
      return done(null, payload);
    const known = current.peek?.();
    if (known) return answer(req, reply, known, payload, done);
    // A database failure here is left to the route, which answers 503; caching is only an optimisation.
    current()
      .catch(() => undefined)
      .then((rev) => (rev ? answer(req, reply, rev, payload, done) : done(null, payload)))
      // An error of the hook itself (not of the database) goes to fastify's error handler, as a thrown one would.
      .catch((err: Error) => done(err));
  });

  /** With the revision known: 304, a stored answer, a wait for the simultaneous request computing it, or on to the
   * route (done). A hook that answers does not call done. */
  function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    rev: Revision,
    payload: RequestPayload,
    done: (err: Error | null, payload?: RequestPayload) => void,
  ): void {
    req.revision = rev;
    const etag = (req.etag = etagOf(rev, req));
    if (matches(req, etag)) {
      void reply
        .code(304)
        .headers({
          etag,
          'cache-control': `public, max-age=${maxAge}`,
          'dataset-revision': rev.revision,
          vary: varyWith(reply.getHeader('vary')),
        })
        .send();
      return;
    }
    if (req.method !== 'GET' || !cache) return done(null, payload);
    const key = keyOf(req);
    const hit = cache.get(key);
    if (hit) {
      cache.stats.hits += 1;
      return sendStored(req, reply, key, hit);
    }
    const flight = flights.get(key);
    if (flight) {
      // Bounded: whatever became of the first request, a waiter goes on by itself after FLIGHT_WAIT_MS.
      let timer: NodeJS.Timeout | undefined;
      void Promise.race([flight, new Promise<void>((r) => (timer = setTimeout(r, FLIGHT_WAIT_MS)))])
        .then(() => {
          clearTimeout(timer);
          // The first request's answer, unless it was not cacheable (an error, too large): then compute it here.
          const stored = cache.get(key);
          if (!stored) {
            cache.stats.misses += 1;
            return done(null, payload);
          }
          cache.stats.coalesced += 1;
          sendStored(req, reply, key, stored);
        })
        .catch((err: Error) => done(err));
      return;
    }
    cache.stats.misses += 1;
    if (!req.raw.destroyed && !reply.raw.destroyed) {
      // Only a request whose client is still there leads a flight (one that left while its revision was read would
      // never answer), and the flight ends when its response closes, however it closes.
      let resolve!: () => void;
      const mine = new Promise<void>((r) => (resolve = r));
      flights.set(key, mine);
      req.flightDone = () => {
        if (flights.get(key) === mine) flights.delete(key);
        resolve();
      };
      reply.raw.once('close', () => land(req));
    }
    done(null, payload);
  }

  /** A stored answer as bytes, in the negotiated encoding (compressed once per entry). */
  function sendStored(req: FastifyRequest, reply: FastifyReply, key: string, hit: CacheEntry): void {
    const encoding = compressible(hit.headers['content-type'], hit.body.length) ? encodingFor(req.headers) : undefined;
    const stored = encoding ? hit.variants[encoding] : undefined;
    if (!encoding || stored) return writeStored(reply, hit, stored ? encoding : undefined, stored ?? hit.body);
    cache!
      .variant(key, hit, encoding)
      .then(
        (body) => writeStored(reply, hit, encoding, body),
        () => writeStored(reply, hit, undefined, hit.body),
      )
      // Past the hijack nothing of fastify's answers for it: the connection is closed, as on a failed write.
      .catch((err: Error) => reply.raw.destroy(err));
  }

  /** Writes the stored headers and bytes on the connection itself (fastify's reply hijacked: none of the onSend hooks,
   * which have nothing to do for a stored answer, and no serialisation). The headers the onRequest hooks set for this
   * exchange (CORS, rate limit, Connection while closing) are kept; the security headers are among the stored ones;
   * fastify's onResponse hooks and logging still run at the end. */
  function writeStored(reply: FastifyReply, hit: CacheEntry, encoding: Encoding | undefined, body: Buffer): void {
    const res = reply.raw;
    if (res.headersSent || res.destroyed) return;
    reply.hijack();
    const headers = hit.flat.slice();
    const own = reply.getHeaders();
    for (const name in own) {
      const value = own[name];
      // What this exchange's hooks set (CORS, rate limit, Connection while closing); the stored headers win.
      if (name === 'vary' || value === undefined || name in hit.headers) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.push(name, String(one));
    }
    headers.push('vary', varyWith(own.vary));
    if (encoding) headers.push('content-encoding', encoding);
    headers.push('content-length', String(body.length));
    res.writeHead(200, headers);
    res.end(body);
  }

  app.addHook('onSend', async (req, reply, payload) => {
    // A stored answer never gets here (it is written without the onSend hooks); a 304 does.
    if (reply.statusCode === 304) return payload;
    if (routeConfig(req).cache === false || !req.revision || reply.statusCode >= 300) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    }
    reply.headers({
      etag: req.etag,
      'last-modified': new Date(req.revision.importedAt).toUTCString(),
      'cache-control': `public, max-age=${maxAge}`,
      'dataset-revision': req.revision.revision,
      vary: varyWith(reply.getHeader('vary')),
    });
    if (
      cache &&
      req.method === 'GET' &&
      reply.statusCode === 200 &&
      (typeof payload === 'string' || Buffer.isBuffer(payload))
    ) {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined && !UNCACHED_HEADERS.test(name))
          headers[name] = typeof value === 'number' ? String(value) : value;
      }
      const key = keyOf(req);
      const entry = cache.set(key, { headers, body: payload });
      // Waiting requests go on as soon as the identity body is stored; one compression serves this one and them.
      land(req);
      const encoding = compressible(headers['content-type'], entry.body.length) ? encodingFor(req.headers) : undefined;
      const body = encoding ? await cache.variant(key, entry, encoding).catch(() => undefined) : undefined;
      if (body) {
        reply.header('content-encoding', encoding!);
        return body;
      }
      return payload;
    }
    land(req);
    return payload;
  });
  // Whatever happened to the first request (an error answer, a lost connection), the waiting ones go on.
  app.addHook('onResponse', (req, _reply, done) => {
    land(req);
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    land(req);
    done();
  });
}
