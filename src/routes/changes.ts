// Route of /v1/changes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangesQuerySchema, ChangesSchema } from '../domain/changes.js';
import { errorResponses } from '../domain/common.js';
import { setLinkHeader } from '../http/pagination.js';
import { listChanges } from '../queries/changes.js';
import { currentRevision } from '../queries/meta.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/changes',
    {
      schema: {
        operationId: 'listChanges',
        tags: ['service'],
        summary: 'Records created, updated and deleted since a revision or a time',
        description:
          'Each import records what it changed. Pass the revision you last synced (`since`) and apply the changes in ' +
          'order; `deleted` entries are tombstones. Keep `currentRevision` for the next sync.',
        querystring: ChangesQuerySchema,
        response: { 200: ChangesSchema, ...errorResponses() },
      },
    },
    async (req, reply) => {
      const [{ data, next }, rev] = await Promise.all([
        listChanges(app.database.db, req.query),
        currentRevision(app.database.db),
      ]);
      setLinkHeader(req, reply, next);
      return { currentRevision: rev?.revision ?? null, data, page: { limit: req.query.limit, next } };
    },
  );
};

export default routes;
