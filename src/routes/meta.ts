// Routes of /health, /ready and /v1/meta.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, problemResponse } from '../domain/common.js';
import { HealthSchema, MetaSchema, ReadySchema } from '../domain/meta.js';
import { API_VERSION } from '../http/openapi.js';
import { HttpProblem } from '../http/problem.js';
import { currentRevision } from '../queries/meta.js';

export const DISCLAIMER =
  'A reference compiled from public sources, not legal advice. Facts carry their sources and how they are known; ' +
  'where sources disagree both values are shown; what is not known is listed as a gap.';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { cache: false },
      schema: {
        operationId: 'getHealth',
        tags: ['service'],
        summary: 'Liveness: the process answers',
        response: { 200: HealthSchema, 406: problemResponse('Accept excludes JSON') },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: { cache: false },
      schema: {
        operationId: 'getReady',
        tags: ['service'],
        summary: 'Readiness: the database answers and holds an imported dataset',
        response: {
          200: ReadySchema,
          406: problemResponse('Accept excludes JSON'),
          503: problemResponse('The database does not answer or holds no dataset'),
        },
      },
    },
    async () => {
      const { database } = app;
      const revision = await database
        .ping()
        .then(() => currentRevision(database.db))
        .catch(() => {
          throw new HttpProblem('service-unavailable', 'the database is unavailable', undefined, {
            'retry-after': '5',
          });
        });
      if (!revision)
        throw new HttpProblem('service-unavailable', 'no dataset has been imported', undefined, { 'retry-after': '5' });
      return { status: 'ready' as const, database: database.driver, revision: revision.revision };
    },
  );

  app.get(
    '/v1/meta',
    {
      schema: {
        operationId: 'getMeta',
        tags: ['service'],
        summary: 'Dataset revision, counts and licence',
        response: { 200: MetaSchema, ...errorResponses() },
      },
    },
    async (req) => {
      const rev = await currentRevision(req.db);
      if (!rev)
        throw new HttpProblem('service-unavailable', 'no dataset has been imported', undefined, { 'retry-after': '5' });
      return {
        revision: rev.revision,
        importedAt: new Date(rev.importedAt).toISOString(),
        counts: rev.counts,
        coverage: rev.coverage ?? null,
        licence: { code: 'MIT', data: 'CC-BY-4.0' },
        apiVersion: API_VERSION,
        disclaimer: DISCLAIMER,
      };
    },
  );
};

export default routes;
