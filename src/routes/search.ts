// Route of /v1/search.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/common.js';
import { SearchQuerySchema, SearchResultSchema } from '../domain/search.js';
import { setLinkHeader } from '../http/pagination.js';
import { search } from '../queries/search.js';

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
        response: { 200: SearchResultSchema, ...errorResponses() },
      },
    },
    async (req, reply) => {
      const { data, next } = await search(app.database.db, req.query);
      setLinkHeader(req, reply, next);
      return { data, page: { limit: req.query.limit, next } };
    },
  );
};

export default routes;
