// Protection against careless and hostile clients: security headers, URL length, rate limit per client, and load
// shedding (requests in flight, event-loop delay). Every refusal is a problem+json response with Retry-After.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyUnderPressure from '@fastify/under-pressure';
import { Redis } from 'ioredis';
import { invalidParameter } from '../domain/errors.js';
import { HttpProblem, sendProblem } from './problem.js';
import { routeConfig } from './route-config.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An HTML page for people (src/pages): it gets the pages' stricter CSP. */
    page?: boolean;
  }
  interface FastifyInstance {
    /** Requests (other than probes) being handled at this moment. */
    requestsInFlight(): number;
  }
}

export interface ProtectionOptions {
  /** Requests per client address per window; 0: off. */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /** Requests handled at once before shedding with 503; 0: no limit. */
  maxInFlight: number;
  /** Event-loop delay (ms) above which requests are shed with 503; 0: off. */
  maxEventLoopDelayMs: number;
  /** Redis for rate-limit counters shared by every instance; in-process counters when absent. */
  redisUrl?: string | undefined;
}

/** The Content-Security-Policy of the HTML pages (src/pages): this origin only, no inline script or style. */
export const PAGE_CSP = [
  "default-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self'",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
].join('; ');

/** Longest request target (path and query) accepted; longer ones are 414. */
export const MAX_URL_LENGTH = 4096;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Routes that monitoring must reach even when clients are limited or the service sheds load. */
const PROBES = new Set(['/health', '/ready']);

const overloaded = () =>
  new HttpProblem('service-unavailable', 'the service is overloaded', undefined, { 'retry-after': '1' });

/** Errors the router raises before any route runs (malformed or overlong path), as problems. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendProblem(req, reply, 'uri-too-long', 'a path segment is longer than 200 characters');
  } else if (err.code === 'FST_ERR_BAD_URL') {
    void sendProblem(req, reply, 'invalid-parameter', 'the path is not a valid URL (malformed percent-encoding)', [
      { in: 'path', name: '(path)', detail: 'malformed percent-encoding' },
    ]);
  } else {
    void sendProblem(req, reply, 'invalid-parameter', 'the request could not be read', [
      { in: 'header', name: '(request)', detail: 'unreadable request' },
    ]);
  }
}

/** The headers helmet sets with this API's options, read once from helmet itself (a response that records them). */
export const SECURITY_HEADERS: Record<string, string> = (() => {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => {},
  };
  helmet({
    // A public read-only API: its resources may be embedded and fetched from any origin (CORS decides reads).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    // No upgrade-insecure-requests: served over plain http on a host other than localhost (an internal network, a
    // container), /docs would have its own assets upgraded to https and stay blank. Its assets are local.
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  })({} as never, res as never, () => {});
  return headers;
})();

export async function registerProtection(app: FastifyInstance, opts: ProtectionOptions): Promise<void> {
  // helmet's security headers, worked out once: they depend on nothing in the request, and @fastify/helmet built
  // helmet's middleware again on every request (its CSP parsed each time: about 7 % of a cached answer's time).
  const security = Object.entries(SECURITY_HEADERS);
  // Set as each answer is sent (onSend, which every answer fastify sends goes through: errors, 304s and refusals of
  // the onRequest hooks included), where a route may have set its own. A stored answer (caching.ts) is written with
  // the headers it was stored with, these included, and costs nothing here. Callback style: it runs on every answer.
  app.addHook('onSend', (req, reply, payload, done) => {
    for (const [name, value] of security) if (!reply.hasHeader(name)) reply.header(name, value);
    // Instead of helmet's own: the pages allow nothing from another origin, and no inline style either.
    if (routeConfig(req).page) reply.header('content-security-policy', PAGE_CSP);
    done(null, payload);
  });
  app.addHook('onRequest', (req, reply, done) => {
    if (req.url.length > MAX_URL_LENGTH) {
      sendProblem(req, reply, 'uri-too-long', `the request target is longer than ${MAX_URL_LENGTH} characters`);
      return;
    }
    done();
  });

  // No route takes a body: read it only to enforce bodyLimit (413), never parse it, so a wrong method is a 405
  // whatever the body says, and no body type is refused as unsupported.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, undefined));

  // PostgreSQL text cannot hold NUL; other control characters have no place in an identifier or a search either.
  app.addHook('preValidation', async (req) => {
    const declared = req.routeOptions.schema ?? {};
    for (const [where, values] of [
      ['query', declared.querystring ? req.query : undefined],
      ['path', declared.params ? req.params : undefined],
    ] as const) {
      for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        const list = Array.isArray(value) ? value : [value];
        if (list.some((v) => typeof v === 'string' && CONTROL.test(v))) {
          throw invalidParameter(where, name, 'must not contain control characters');
        }
        // An empty path segment (/v1/instruments//) names no record.
        if (where === 'path' && value === '') throw new HttpProblem('not-found', `no record has an empty ${name}`);
      }
    }
  });

  // Requests being handled now: counted always (the shutdown log reports it), limited when maxInFlight > 0. Counted
  // from preValidation, once the request (and any body) has arrived: a client that sends its body slowly holds a
  // connection (bounded by the request timeout), never a slot of the work in flight.
  let inFlight = 0;
  app.decorate('requestsInFlight', () => inFlight);
  app.addHook('preValidation', async (req, reply) => {
    if (PROBES.has(routeConfig(req).url ?? '')) return;
    if (opts.maxInFlight > 0 && inFlight >= opts.maxInFlight) throw overloaded();
    inFlight += 1;
    // 'close' fires once whether the response finished or the client went away.
    reply.raw.once('close', () => (inFlight -= 1));
  });

  if (opts.maxEventLoopDelayMs > 0) {
    await app.register(fastifyUnderPressure, {
      maxEventLoopDelay: opts.maxEventLoopDelayMs,
      // A rejected promise goes to the error handler, which answers with the problem and its Retry-After.
      pressureHandler: (req) => (PROBES.has(routeConfig(req).url ?? '') ? undefined : Promise.reject(overloaded())),
    });
  }

  if (opts.rateLimitMax > 0) {
    // Behind a load balancer each instance sees part of a client's requests: counting them in Redis makes the limit
    // hold for the client across instances. If Redis is unreachable, requests are served (skipOnError), not refused.
    const redis = opts.redisUrl
      ? new Redis(opts.redisUrl, {
          lazyConnect: true,
          connectTimeout: 1000,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        })
      : undefined;
    redis?.on('error', () => {});
    // Connected before the first request (without an offline queue, a command sent earlier would fail and be
    // skipped, letting the request through uncounted); a Redis that does not answer in 2 s is skipped the same way.
    if (redis) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        redis.connect().catch(() => app.log.warn('Redis unreachable: rate limits are not counted')),
        new Promise<void>((r) => (timer = setTimeout(r, 2000))),
      ]);
      clearTimeout(timer);
      app.addHook('onClose', async () => void redis.disconnect());
    }
    await app.register(fastifyRateLimit, {
      ...(redis ? { redis, nameSpace: 'ca-law-rl:', skipOnError: true } : {}),
      max: opts.rateLimitMax,
      timeWindow: opts.rateLimitWindowMs,
      allowList: (req) => PROBES.has(routeConfig(req).url ?? ''),
      errorResponseBuilder: (_req, ctx) =>
        new HttpProblem('too-many-requests', rateLimitDetail(ctx.max, opts.rateLimitWindowMs, ctx.after)),
    });
  }
}

/** The detail of a 429: how many requests in how long, and when to try again (`after` as the rate limiter says it). */
export function rateLimitDetail(max: number, windowMs: number, after: string): string {
  const requests = max === 1 ? 'request' : 'requests';
  return `more than ${max} ${requests} in ${Math.round(windowMs / 1000)} s from this client; try again after ${after}`;
}
