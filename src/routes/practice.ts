// Routes of /v1/practice.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/common.js';
import { PracticeListSchema, PracticeNoteSchema, PracticeParamsSchema, PracticeQuerySchema } from '../domain/practice.js';
import { setLinkHeader } from '../http/pagination.js';
import { notFound } from '../http/problem.js';
import { getPracticeNote, listPractice } from '../queries/practice.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/practice',
    {
      schema: {
        operationId: 'listPractice',
        tags: ['practice'],
        summary: 'Prosecution practice notes',
        description: 'Documented practice, statistics, official warnings, policy, proposals and known gaps between law and practice.',
        querystring: PracticeQuerySchema,
        response: { 200: PracticeListSchema, ...errorResponses() },
      },
    },
    async (req, reply) => {
      const { data, next } = await listPractice(app.database.db, req.query);
      setLinkHeader(req, reply, next);
      return { data, page: { limit: req.query.limit, next } };
    },
  );

  app.get(
    '/practice/:id',
    {
      schema: {
        operationId: 'getPracticeNote',
        tags: ['practice'],
        summary: 'One practice note',
        params: PracticeParamsSchema,
        response: { 200: PracticeNoteSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const note = await getPracticeNote(app.database.db, req.params.id);
      if (!note) throw notFound('practice note', req.params.id);
      return note;
    },
  );
};

export default routes;
