// Routes of /v1/sources.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paged } from '../http/pagination.js';
import { csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import { SourceListSchema, SourceParamsSchema, SourceQuerySchema, SourceSchema } from '../domain/sources.js';
import { notFound } from '../domain/errors.js';
import { SOURCES_KEY, getSource, listSources } from '../queries/sources.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sources',
    {
      schema: {
        operationId: 'listSources',
        tags: ['registry'],
        summary: 'The sources behind the data',
        querystring: SourceQuerySchema,
        response: { 200: listResponse(SourceListSchema, 'A page of sources'), ...errorResponses() },
      },
    },
    async (req, reply) => {
      const result = await paged(req.query, SOURCES_KEY, (page) => listSources(req.db, page));
      return sendList(req, reply, SourceSchema, { ...result, limit: req.query.limit });
    },
  );

  csvRoute(app, '/sources', {
    operationId: 'listSourcesCsv',
    tags: ['registry'],
    summary: 'The sources behind the data, as CSV',
    querystring: SourceQuerySchema,
    item: SourceSchema,
    table: 'sources',
    key: { field: 'id', column: 'sourceId' },
    load: async (req, q) => ({
      ...(await paged(q, SOURCES_KEY, (page) => listSources(req.db, page))),
      limit: q.limit,
    }),
  });

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
      const source = await getSource(req.db, req.params.id);
      if (!source) throw notFound('source', req.params.id);
      return source;
    },
  );
};

export default routes;
