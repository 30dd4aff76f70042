// Routes of /v1/conducts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/common.js';
import { ConductListSchema, ConductParamsSchema, ConductSchema } from '../domain/conducts.js';
import { notFound } from '../http/problem.js';
import { listConducts } from '../queries/conducts.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conducts',
    {
      schema: {
        operationId: 'listConducts',
        tags: ['registry'],
        summary: 'The conduct taxonomy',
        description: 'Codes for what a person did, used by provisions and cases and as the `conduct` filter.',
        response: { 200: ConductListSchema, ...errorResponses() },
      },
    },
    async () => ({ data: await listConducts(app.database.db) }),
  );

  app.get(
    '/conducts/:code',
    {
      schema: {
        operationId: 'getConduct',
        tags: ['registry'],
        summary: 'One conduct',
        params: ConductParamsSchema,
        response: { 200: ConductSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const conduct = (await listConducts(app.database.db)).find((c) => c.code === req.params.code);
      if (!conduct) throw notFound('conduct', req.params.code);
      return conduct;
    },
  );
};

export default routes;
