// buildApp({ config, database }): zod compilers, OpenAPI, HTTP behaviour (problems, 404/405/406), and every route.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadConfig, type Config } from './config.js';
import type { Database, ReadSession } from './db/client.js';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import { etagOf, registerCaching, responseCache, revisionCache } from './http/caching.js';
import { frameworkErrors, registerProtection } from './http/protection.js';
import { accepts, withProblems } from './http/negotiate.js';
import { COMPRESS_PLUGIN_OPTIONS } from './http/compression.js';
import { registerListHooks, rewriteCsvUrl } from './http/formats.js';
import { currentRevision } from './queries/meta.js';
import { registerOpenApi } from './http/openapi.js';
import { PROBLEM_TYPE, problemBody, rawProblem, registerProblemHandlers, sendProblem } from './http/problem.js';
import caseRoutes from './routes/cases.js';
import changeRoutes from './routes/changes.js';
import citationRoutes from './routes/citations.js';
import conductRoutes from './routes/conducts.js';
import consequenceRoutes from './routes/consequences.js';
import countryRoutes from './routes/countries.js';
import exportRoutes from './routes/exports.js';
import forceRoutes from './routes/forces.js';
import instrumentRoutes from './routes/instruments.js';
import metaRoutes from './routes/meta.js';
import practiceRoutes from './routes/practice.js';
import problemRoutes from './routes/problems.js';
import provisionRoutes from './routes/provisions.js';
import searchRoutes from './routes/search.js';
import sourceRoutes from './routes/sources.js';
import statsRoutes from './routes/stats.js';
import pageRoutes from './pages/plugin.js';
import { declareRouteConfig, routeConfig } from './http/route-config.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
  interface FastifyContextConfig {
    /** Media types the route can produce, for 406 negotiation (default application/json). */
    produces?: string[];
  }
}

/** Configuration the app reads; everything but logLevel has the defaults of loadConfig (see config.ts). */
export type AppConfig = Pick<Config, 'logLevel'> &
  Partial<
    Pick<
      Config,
      | 'cacheMaxAge'
      | 'corsOrigins'
      | 'trustProxy'
      | 'rateLimitMax'
      | 'rateLimitWindowMs'
      | 'maxInFlight'
      | 'maxEventLoopDelayMs'
      | 'requestTimeoutMs'
      | 'responseCacheMb'
      | 'redisUrl'
    >
  > & {
    /** How long the current revision is remembered (ms) before it is read again; 2000 by default. */
    revisionTtlMs?: number;
  };

export interface AppOptions {
  config: AppConfig;
  database: Database;
  /** Pino logger options; tests pass false. */
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The read handle of this request and what its statements read (PostgreSQL). */
    pinned?: { db: Database['db']; session: ReadSession };
    /** The handle a route reads with: inside a data route on PostgreSQL the request's own (pinned), else the
     * database's read handle. */
    readonly db: Database['db'];
  }
}

/**
 * Every data route's reads go to one pool (one replica when configured), through the handle bound to the request
 * (request.db, passed explicitly to the queries: no AsyncLocalStorage, see db/client.ts). On PostgreSQL each
 * statement of the request also reads the dataset revision in its own snapshot (queryRows, db/client.ts): an answer of one statement is consistent by construction and is labelled
 * (ETag, Dataset-Revision) with the revision that statement read, whatever the revision cache said. An answer of
 * several statements is served only if they all read the same revision; if an import committed between them (the
 * answer could mix two datasets), or a statement did not say what it read, it is replaced by a 503 with
 * Retry-After: 1 (a retry gets one consistent answer). Imports are release jobs, so this is rare; the statements of a
 * request still run in parallel on the pool, which a transaction held per request would serialise on one connection.
 * Routes with `config.cache: false` run outside.
 */
function registerSnapshots(app: FastifyInstance, database: Database): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.cache === false || !route.url.startsWith('/v1/')) return;
    const handler = route.handler as (this: unknown, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    route.handler = async function (this: unknown, req: FastifyRequest, reply: FastifyReply) {
      return database.pinned(async (db, session) => {
        if (database.driver === 'pg') req.pinned = { db, session };
        return handler.call(this, req, reply);
      });
    } as typeof route.handler;
  });
  // Registered before the caching hooks: the label is set before they send it, and a replaced answer is never stored.
  // Callback style: it runs on every answer, a cached one's included, and has nothing to wait for.
  app.addHook('onSend', (req, reply, payload, done) => {
    let out: unknown;
    try {
      out = labelled(req, reply, payload);
    } catch (err) {
      return done(err as Error);
    }
    done(null, out);
  });
  function labelled(req: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const pinned = req.pinned;
    if (!pinned || reply.statusCode >= 300) return payload;
    const { statements, revisions } = pinned.session;
    // An answer that read nothing has nothing to label; one whose statements were miscounted is refused below.
    if (statements === 0 && revisions.length === 0) return payload;
    const read = revisions[0]!;
    const reported = revisions.length === statements;
    if (reported && revisions.every((r) => r.seq === read.seq)) {
      if (
        read.seq !== null &&
        (read.revision !== req.revision?.revision || read.importedAt !== req.revision?.importedAt)
      ) {
        req.revision = { revision: read.revision, importedAt: read.importedAt };
        req.etag = etagOf(req.revision, req);
      }
      return payload;
    }
    if (reported)
      req.log.info({ read: revisions.map((r) => r.seq) }, 'an import committed during the request: answered 503');
    else
      req.log.error({ statements, reported: revisions.length }, 'a statement did not read the revision: answered 503');
    reply.code(503).header('retry-after', '1').header('content-type', `${PROBLEM_TYPE}; charset=utf-8`);
    reply.removeHeader('etag');
    reply.removeHeader('x-total-count');
    reply.removeHeader('link');
    return JSON.stringify(
      problemBody(
        req,
        'service-unavailable',
        reported
          ? 'a new dataset was imported while this answer was computed; retry'
          : 'this answer could not be tied to one dataset revision; retry',
      ),
    );
  }
}

/** What a route without `produces` answers with. */
const JSON_ONLY: readonly string[] = ['application/json'];

/** The defaults of every setting, from the one configuration schema. */
const DEFAULTS = loadConfig({});

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const c = { revisionTtlMs: 2000, ...DEFAULTS, ...opts.config };
  const app = Fastify({
    logger: opts.logger === false ? false : { level: c.logLevel },
    // A read-only API takes no bodies; anything larger than this is refused with 413 before it is read.
    bodyLimit: 16 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    requestTimeout: c.requestTimeoutMs,
    trustProxy: c.trustProxy,
    frameworkErrors,
    // format=csv or Accept: text/csv on a list path is its `.csv` operation (see formats.ts).
    rewriteUrl: (req) => rewriteCsvUrl(req.url ?? '/', req.headers.accept),
    // Errors of Node's HTTP parser (before any route or hook): problem+json with Connection: close, never a bare
    // status line; a client that is already gone gets nothing.
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || !socket.writable) return socket.destroy();
      const [slug, detail] =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? (['header-fields-too-large', 'the request headers are too large'] as const)
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? (['request-timeout', 'the request did not arrive in full in time'] as const)
            : (['bad-request', 'the request is not valid HTTP'] as const);
      socket.end(rawProblem(slug, detail));
    },
  }).withTypeProvider<ZodTypeProvider>();
  // An Expect header other than 100-continue: Node would answer a bare 417.
  app.server.on('checkExpectation', (_req, res) => {
    const body = rawProblem('expectation-failed', 'only Expect: 100-continue is supported').split('\r\n\r\n')[1]!;
    res.writeHead(417, {
      'content-type': PROBLEM_TYPE,
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    res.end(body);
  });

  app.setValidatorCompiler(validatorCompiler);
  // The zod serializer's JSON, encoded to bytes once: fastify would otherwise measure the string's UTF-8 length for
  // Content-Length and Node encode it again as it writes it (for a consequences answer of 118 KB, two passes over
  // it); the response cache stores the same bytes.
  app.setSerializerCompiler<Parameters<typeof serializerCompiler>[0]['schema']>((route) => {
    const serialize = serializerCompiler(route);
    return ((data: unknown) => Buffer.from(serialize(data))) as unknown as ReturnType<typeof serializerCompiler>;
  });
  declareRouteConfig(app);
  app.decorate('database', opts.database);
  const database = opts.database;
  app.decorateRequest('db', {
    getter(this: FastifyRequest) {
      return this.pinned?.db ?? database.db;
    },
  });
  registerProblemHandlers(app);
  registerSnapshots(app, opts.database);
  registerListHooks(app);

  // A wrong method (405 with Allow) told from an unknown path (404) by asking fastify's own router which methods
  // route this path: no second copy of the routes. OPTIONS is left out: CORS answers preflight on every path ('*').
  const ROUTED_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'] as const;
  const allowedOn = (path: string) => ROUTED_METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);

  // Callback style, as it runs on every request (see protection.ts).
  app.addHook('onRequest', (req, reply, done) => {
    const produces = routeConfig(req).produces ?? JSON_ONLY;
    if (routeConfig(req).url && !accepts(req.headers.accept, withProblems(produces))) {
      sendProblem(req, reply, 'not-acceptable', `this resource is available as ${produces.join(', ')}`);
      return;
    }
    done();
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const allowed = allowedOn(path);
    if (allowed.length) {
      const allow = allowed.join(', ');
      return sendProblem(
        req,
        reply,
        'method-not-allowed',
        `${req.method} is not allowed on ${path}; use ${allow}`,
        undefined,
        {
          allow,
        },
      );
    }
    return sendProblem(req, reply, 'not-found', `no route ${req.method} ${path}`);
  });

  await registerProtection(app, c);
  // Caching hooks come before compression so that the response cache stores the uncompressed body (and compresses
  // it once per encoding, with the plugin's options; see compression.ts).
  registerCaching(
    app,
    revisionCache(() => currentRevision(opts.database.db), c.revisionTtlMs),
    c.cacheMaxAge,
    // RESPONSE_CACHE_MB=0: no response cache (and so no single flight either).
    c.responseCacheMb > 0 ? responseCache(c.responseCacheMb * 1024 * 1024) : undefined,
  );
  await app.register(fastifyCompress, COMPRESS_PLUGIN_OPTIONS);
  const origins = c.corsOrigins;
  await app.register(fastifyCors, {
    origin: origins === '*' ? '*' : origins.split(',').map((o) => o.trim()),
    methods: ['GET', 'HEAD'],
    exposedHeaders: ['ETag', 'Last-Modified', 'Link', 'Dataset-Revision', 'X-Total-Count', 'Retry-After'],
    maxAge: 86_400,
  });

  await registerOpenApi(app);
  await app.register(metaRoutes);
  await app.register(problemRoutes);
  await app.register(
    async (v1) => {
      await v1.register(countryRoutes);
      await v1.register(consequenceRoutes);
      await v1.register(instrumentRoutes);
      await v1.register(provisionRoutes);
      await v1.register(citationRoutes);
      await v1.register(conductRoutes);
      await v1.register(forceRoutes);
      await v1.register(caseRoutes);
      await v1.register(statsRoutes);
      await v1.register(searchRoutes);
      await v1.register(changeRoutes);
      await v1.register(exportRoutes);
      await v1.register(practiceRoutes);
      await v1.register(sourceRoutes);
    },
    { prefix: '/v1' },
  );
  await app.register(pageRoutes);
  return app;
}
