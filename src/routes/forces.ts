// Routes of /v1/forces.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ListOnlyQuerySchema, csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import { ForceListSchema, ForceParamsSchema, ForceSchema } from '../domain/forces.js';
import { notFound } from '../domain/errors.js';
import { getForce, listForces } from '../queries/forces.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/forces',
    {
      schema: {
        operationId: 'listForces',
        tags: ['registry'],
        summary: 'Forces citizens served in',
        description:
          "State armed forces, private military companies, volunteer units and armed groups, with each country's designation of them.",
        querystring: ListOnlyQuerySchema,
        response: { 200: listResponse(ForceListSchema, 'The forces'), ...errorResponses() },
      },
    },
    async (req, reply) => sendList(req, reply, ForceSchema, { data: await listForces(req.db) }),
  );

  csvRoute(app, '/forces', {
    operationId: 'listForcesCsv',
    tags: ['registry'],
    summary: 'Forces citizens served in, as CSV',
    querystring: ListOnlyQuerySchema,
    item: ForceSchema,
    table: 'forces',
    key: { field: 'id', column: 'forceId' },
    load: async (req) => ({ data: await listForces(req.db) }),
  });

  app.get(
    '/forces/:id',
    {
      schema: {
        operationId: 'getForce',
        tags: ['registry'],
        summary: 'One force',
        params: ForceParamsSchema,
        response: { 200: ForceSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const force = await getForce(req.db, req.params.id);
      if (!force) throw notFound('force', req.params.id);
      return force;
    },
  );
};

export default routes;
