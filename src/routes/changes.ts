// Route of /v1/changes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangeSchema, ChangesQuerySchema, ChangesSchema } from '../domain/changes.js';
import { LIST_PRODUCES, listResponse, sendList, wantsCsv } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import { setLinkHeader } from '../http/pagination.js';
import { listChanges } from '../queries/changes.js';
import { currentRevision } from '../queries/meta.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/changes',
    {
      config: { produces: LIST_PRODUCES },
      schema: {
        operationId: 'listChanges',
        tags: ['service'],
        summary: 'Records created, updated and deleted since a revision or a time',
        description:
          'Each import records what it changed. Pass the revision you last synced (`since`) and apply the changes in ' +
          'order; `deleted` entries are tombstones. Keep `currentRevision` for the next sync.',
        querystring: ChangesQuerySchema,
        response: { 200: listResponse(ChangesSchema, 'A page of changes, as JSON or CSV'), ...errorResponses() },
      },
    },
    async (req, reply) => {
      const [result, rev] = await Promise.all([
        listChanges(app.database.db, req.query),
        currentRevision(app.database.db),
      ]);
      if (wantsCsv(req, req.query.format) || req.query.fields) {
        return sendList(req, reply, ChangeSchema, { ...result, limit: req.query.limit }, req.query);
      }
      setLinkHeader(req, reply, result.next);
      return {
        currentRevision: rev?.revision ?? null,
        data: result.data,
        page: { limit: req.query.limit, next: result.next },
      };
    },
  );
};

export default routes;
