// HTTP caching from the dataset revision: ETag, Last-Modified, Cache-Control, and 304 before any query runs.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface Revision {
  revision: string;
  importedAt: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false for routes whose answer does not derive from the dataset alone (health, readiness). */
    cache?: boolean;
  }
  interface FastifyRequest {
    revision?: Revision;
  }
}

/** Remembers the current revision for `ttlMs`, so conditional requests cost no query; an import shows within ttl. */
export function revisionCache(load: () => Promise<Revision | undefined>, ttlMs = 2000) {
  let value: Revision | undefined;
  let at = 0;
  let pending: Promise<Revision | undefined> | undefined;
  return async (): Promise<Revision | undefined> => {
    if (value && Date.now() - at < ttlMs) return value;
    pending ??= load().finally(() => (pending = undefined));
    const v = await pending;
    if (v) ((value = v), (at = Date.now()));
    return v;
  };
}

/** A weak validator: the same for every encoding of one representation (URL and negotiated type) of one revision. */
export function etagOf(rev: string, req: FastifyRequest): string {
  const h = createHash('sha1')
    .update(`${req.url}\n${req.headers.accept ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
  return `W/"${rev}-${h}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (s: string) => s.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || weak(t) === weak(etag));
}

export function registerCaching(
  app: FastifyInstance,
  current: () => Promise<Revision | undefined>,
  maxAge: number,
): void {
  app.addHook('onRequest', async (req, reply) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.routeOptions.config?.cache === false ||
      !req.routeOptions.url
    )
      return;
    // A database failure here is left to the route, which answers 503; caching is only an optimisation.
    const rev = await current().catch(() => undefined);
    if (!rev) return;
    req.revision = rev;
    const etag = etagOf(rev.revision, req);
    if (matches(req.headers['if-none-match'], etag)) {
      return reply
        .code(304)
        .headers({
          etag,
          'cache-control': `public, max-age=${maxAge}`,
          'dataset-revision': rev.revision,
          vary: 'Accept, Accept-Encoding',
        })
        .send();
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 304) return payload;
    if (req.routeOptions.config?.cache === false || !req.revision || reply.statusCode >= 300) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    }
    reply.headers({
      etag: etagOf(req.revision.revision, req),
      'last-modified': new Date(req.revision.importedAt).toUTCString(),
      'cache-control': `public, max-age=${maxAge}`,
      'dataset-revision': req.revision.revision,
      vary: 'Accept, Accept-Encoding',
    });
    return payload;
  });
}
