// Routes of /v1/sources.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/common.js';
import { SourceListSchema, SourceParamsSchema, SourceQuerySchema, SourceSchema } from '../domain/sources.js';
import { setLinkHeader } from '../http/pagination.js';
import { notFound } from '../http/problem.js';
import { getSource, listSources } from '../queries/sources.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sources',
    {
      schema: {
        operationId: 'listSources',
        tags: ['registry'],
        summary: 'The sources behind the data',
        querystring: SourceQuerySchema,
        response: { 200: SourceListSchema, ...errorResponses() },
      },
    },
    async (req, reply) => {
      const { data, next } = await listSources(app.database.db, req.query);
      setLinkHeader(req, reply, next);
      return { data, page: { limit: req.query.limit, next } };
    },
  );

  app.get(
    '/sources/:id',
    {
      schema: {
        operationId: 'getSource',
        tags: ['registry'],
        summary: 'One source',
        params: SourceParamsSchema,
        response: { 200: SourceSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const source = await getSource(app.database.db, req.params.id);
      if (!source) throw notFound('source', req.params.id);
      return source;
    },
  );
};

export default routes;
