// GET /problems/{type}: the description of each problem type, the target of a problem's `type` URI.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponse } from '../domain/common.js';
import { PROBLEM_TYPES, type ProblemSlug } from '../http/problem.js';
import { notFound } from '../domain/errors.js';

const ProblemTypeSchema = z
  .object({
    type: z.string().describe('The URI reference used in problems of this type'),
    status: z.number().int().describe('The HTTP status of problems of this type'),
    title: z.string().describe('Short summary of the problem type'),
    description: z.string().describe('What the problem means and what to do about it'),
  })
  .meta({ id: 'ProblemType' });

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/problems/:type',
    {
      config: { cache: false },
      schema: {
        operationId: 'getProblemType',
        tags: ['service'],
        summary: 'What a problem type means',
        params: z.strictObject({ type: z.string().max(100).describe('Problem type slug, e.g. invalid-parameter') }),
        response: {
          200: ProblemTypeSchema,
          400: problemResponse('The problem type name contains control characters'),
          404: problemResponse('No problem type has this name'),
          406: problemResponse('Accept excludes JSON'),
        },
      },
    },
    async (req) => {
      const slug = req.params.type as ProblemSlug;
      const t = Object.hasOwn(PROBLEM_TYPES, slug) ? PROBLEM_TYPES[slug] : undefined;
      if (!t) throw notFound('problem type', req.params.type);
      return { type: `/problems/${slug}`, status: t.status, title: t.title, description: t.description };
    },
  );
};

export default routes;
