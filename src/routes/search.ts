// Route of /v1/search.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/common.js';
import { SearchHitSchema, SearchQuerySchema, SearchResultSchema } from '../domain/search.js';
import { LIST_PRODUCES, listResponse, sendList } from '../http/formats.js';
import { search } from '../queries/search.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      config: { produces: LIST_PRODUCES },
      schema: {
        operationId: 'search',
        tags: ['registry'],
        summary: 'Full-text search across provisions, cases, practice notes and sources',
        description:
          'English and Russian, with stemming (PostgreSQL websearch_to_tsquery syntax: "a phrase", or, -word). ' +
          'Ranked by relevance; snippets mark the matches. A case is also found by the titles of its sources.',
        querystring: SearchQuerySchema,
        response: { 200: listResponse(SearchResultSchema, 'A page of results, as JSON or CSV'), ...errorResponses() },
      },
    },
    async (req, reply) => {
      const result = await search(app.database.db, req.query);
      return sendList(req, reply, SearchHitSchema, { ...result, limit: req.query.limit }, req.query);
    },
  );
};

export default routes;
