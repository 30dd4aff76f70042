// Routes of /v1/conducts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ListOnlyQuerySchema, csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import { ConductListSchema, ConductParamsSchema, ConductSchema } from '../domain/conducts.js';
import { notFound } from '../domain/errors.js';
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
        querystring: ListOnlyQuerySchema,
        response: { 200: listResponse(ConductListSchema, 'The conducts'), ...errorResponses() },
      },
    },
    async (req, reply) => sendList(req, reply, ConductSchema, { data: await listConducts(req.db) }),
  );

  csvRoute(app, '/conducts', {
    operationId: 'listConductsCsv',
    tags: ['registry'],
    summary: 'The conduct taxonomy, as CSV',
    querystring: ListOnlyQuerySchema,
    item: ConductSchema,
    table: 'conducts',
    key: { field: 'code', column: 'conductCode' },
    load: async (req) => ({ data: await listConducts(req.db) }),
  });

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
      const conduct = (await listConducts(req.db)).find((c) => c.code === req.params.code);
      if (!conduct) throw notFound('conduct', req.params.code);
      return conduct;
    },
  );
};

export default routes;
