// buildApp({ config, database }): zod compilers, OpenAPI, HTTP behaviour (problems, 404/405/406), and every route.
import Fastify, { type FastifyInstance } from 'fastify';
import FindMyWay from 'find-my-way';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadConfig, type Config } from './config.js';
import type { Database } from './db/client.js';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import { registerCaching, responseCache, revisionCache } from './http/caching.js';
import { frameworkErrors, registerProtection } from './http/protection.js';
import { accepts } from './http/negotiate.js';
import { currentRevision } from './queries/meta.js';
import { registerOpenApi } from './http/openapi.js';
import { registerProblemHandlers, sendProblem } from './http/problem.js';
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
    >
  >;

export interface AppOptions {
  config: AppConfig;
  database: Database;
  /** Pino logger options; tests pass false. */
  logger?: boolean;
}

/** The defaults of every setting, from the one configuration schema. */
const DEFAULTS = loadConfig({});

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const c = { ...DEFAULTS, ...opts.config };
  const app = Fastify({
    logger: opts.logger === false ? false : { level: c.logLevel },
    // A read-only API takes no bodies; anything larger than this is refused with 413 before it is read.
    bodyLimit: 16 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    requestTimeout: c.requestTimeoutMs,
    trustProxy: c.trustProxy,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);
  registerProblemHandlers(app);

  // Every route path, to tell a wrong method (405 with Allow) from an unknown path (404).
  const known = FindMyWay({ ignoreTrailingSlash: true });
  const methods = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const list = Array.isArray(route.method) ? route.method : [route.method];
    // CORS answers preflight OPTIONS on every path ('*'); that route says nothing about which paths exist.
    if (route.url === '*' || list.every((m) => m === 'OPTIONS')) return;
    if (!methods.has(route.url)) {
      methods.set(route.url, new Set());
      known.on('GET', route.url, () => {}, { url: route.url });
    }
    for (const m of list) methods.get(route.url)!.add(m);
  });

  app.addHook('onRequest', async (req, reply) => {
    const produces = req.routeOptions.config?.produces ?? ['application/json'];
    if (req.routeOptions.url && !accepts(req.headers.accept, [...produces, 'application/problem+json'])) {
      return sendProblem(req, reply, 'not-acceptable', `this resource is available as ${produces.join(', ')}`);
    }
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const match = known.find('GET', path);
    if (match) {
      const url = (match.store as { url: string }).url;
      const allow = [...(methods.get(url) ?? [])].sort().join(', ');
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
  // Caching hooks come before compression so that the response cache stores the uncompressed body.
  registerCaching(
    app,
    revisionCache(() => currentRevision(opts.database.db)),
    c.cacheMaxAge,
    // RESPONSE_CACHE_MB=0: no response cache (and so no single flight either).
    c.responseCacheMb > 0 ? responseCache(c.responseCacheMb * 1024 * 1024) : undefined,
  );
  await app.register(fastifyCompress, { threshold: 1024 });
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
