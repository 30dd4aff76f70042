// Routes of /v1/resolve and /v1/provisions/{id}/lineage.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LineageSchema, ResolveQuerySchema, ResolveSchema } from '../domain/citations.js';
import { errorResponses } from '../domain/common.js';
import { ProvisionParamsSchema } from '../domain/provisions.js';
import { notFound } from '../domain/errors.js';
import { lineage, resolveCitation } from '../queries/citations.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/resolve',
    {
      schema: {
        operationId: 'resolveCitation',
        tags: ['law'],
        summary: 'Resolve a citation to provisions',
        description:
          'Takes what people write ("Art. 416(2) CC KG", "article 375 of the 1997 Kyrgyz code", "ст. 154 УК РУз") and ' +
          'returns every matching provision with the cited part, and its predecessors and successors across code ' +
          'replacements. All candidates are returned when the citation is ambiguous.',
        querystring: ResolveQuerySchema,
        response: { 200: ResolveSchema, ...errorResponses() },
      },
    },
    async (req) => resolveCitation(req.db, req.query.cite),
  );

  app.get(
    '/provisions/:id/lineage',
    {
      schema: {
        operationId: 'getProvisionLineage',
        tags: ['law'],
        summary: 'An article through code replacements and renumbering',
        params: ProvisionParamsSchema,
        response: { 200: LineageSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const chain = await lineage(req.db, req.params.id);
      if (!chain) throw notFound('provision', req.params.id);
      return chain;
    },
  );
};

export default routes;
