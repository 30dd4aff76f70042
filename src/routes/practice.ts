// Routes of /v1/practice.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paged } from '../http/pagination.js';
import { csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import {
  PracticeListSchema,
  PracticeNoteSchema,
  PracticeParamsSchema,
  PracticeQuerySchema,
} from '../domain/practice.js';
import { notFound } from '../domain/errors.js';
import { PRACTICE_KEY, getPracticeNote, listPractice } from '../queries/practice.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/practice',
    {
      schema: {
        operationId: 'listPractice',
        tags: ['practice'],
        summary: 'Prosecution practice notes',
        description:
          'Documented practice, statistics, official warnings, policy, proposals and known gaps between law and practice.',
        querystring: PracticeQuerySchema,
        response: {
          200: listResponse(PracticeListSchema, 'A page of practice notes'),
          ...errorResponses(),
        },
      },
    },
    async (req, reply) => {
      const result = await paged(req.query, PRACTICE_KEY, (page) => listPractice(req.db, page));
      return sendList(req, reply, PracticeNoteSchema, { ...result, limit: req.query.limit });
    },
  );

  csvRoute(app, '/practice', {
    operationId: 'listPracticeCsv',
    tags: ['practice'],
    summary: 'Prosecution practice notes, as CSV',
    querystring: PracticeQuerySchema,
    item: PracticeNoteSchema,
    table: 'practice',
    key: { field: 'id', column: 'practiceNoteId' },
    load: async (req, q) => ({
      ...(await paged(q, PRACTICE_KEY, (page) => listPractice(req.db, page))),
      limit: q.limit,
    }),
  });

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
      const note = await getPracticeNote(req.db, req.params.id);
      if (!note) throw notFound('practice note', req.params.id);
      return note;
    },
  );
};

export default routes;
