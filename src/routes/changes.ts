// Route of /v1/changes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangeSchema, ChangesQuerySchema, ChangesSchema } from '../domain/changes.js';
import { csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import { CHANGES_KEY, listChanges } from '../queries/changes.js';
import { paged } from '../http/pagination.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/changes',
    {
      config: { history: true },
      schema: {
        operationId: 'listChanges',
        tags: ['service'],
        summary: 'Records created, updated and deleted since a revision or a time',
        description:
          'Each import records what it changed. Pass the revision you last synced (`since`) and apply the changes in ' +
          'order; `deleted` entries are tombstones. Keep `currentRevision` for the next sync.',
        querystring: ChangesQuerySchema,
        response: { 200: listResponse(ChangesSchema, 'A page of changes'), ...errorResponses() },
      },
    },
    async (req, reply) => {
      const { currentRevision, ...result } = await paged(req.query, CHANGES_KEY, (page) => listChanges(req.db, page));
      return sendList(req, reply, ChangeSchema, { ...result, limit: req.query.limit }, { currentRevision });
    },
  );

  csvRoute(app, '/changes', {
    operationId: 'listChangesCsv',
    tags: ['service'],
    summary: 'Records created, updated and deleted, as CSV',
    querystring: ChangesQuerySchema,
    item: ChangeSchema,
    table: 'changes',
    key: { field: 'id', column: 'id' },
    load: async (req, q) => {
      const { data, next } = await paged(q, CHANGES_KEY, (page) => listChanges(req.db, page));
      return { data, next, limit: q.limit };
    },
  });
};

export default routes;
