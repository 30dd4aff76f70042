// Route of /v1/search.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paged } from '../http/pagination.js';
import { errorResponses } from '../domain/common.js';
import { SearchHitSchema, SearchQuerySchema, SearchResultSchema } from '../domain/search.js';
import { csvRoute, listResponse, sendList } from '../http/formats.js';
import { SEARCH_KEY, search } from '../queries/search.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        operationId: 'search',
        tags: ['registry'],
        summary: 'Full-text search across provisions, cases, practice notes and sources',
        description:
          'English and Russian, with stemming (PostgreSQL websearch_to_tsquery syntax: "a phrase", or, -word). ' +
          'Ranked by relevance; snippets mark the matches. A case is also found by the titles of its sources.',
        querystring: SearchQuerySchema,
        response: { 200: listResponse(SearchResultSchema, 'A page of results'), ...errorResponses() },
      },
    },
    async (req, reply) => {
      const result = await paged(req.query, SEARCH_KEY, (page) => search(req.db, page));
      return sendList(req, reply, SearchHitSchema, { ...result, limit: req.query.limit });
    },
  );
  csvRoute(app, '/search', {
    operationId: 'searchCsv',
    tags: ['registry'],
    summary: 'Full-text search, as CSV',
    querystring: SearchQuerySchema,
    item: SearchHitSchema,
    table: 'results',
    key: { field: 'href', column: 'href' },
    load: async (req, q) => ({
      ...(await paged(q, SEARCH_KEY, (page) => search(req.db, page))),
      limit: q.limit,
    }),
  });
};

export default routes;
