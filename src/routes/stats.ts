// Route of /v1/stats/cases: grouped counts and sentence lengths, JSON or CSV.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../domain/common.js';
import { StatsQuerySchema, StatsSchema } from '../domain/stats.js';
import { CSV_TYPE, LIST_PRODUCES, wantsCsv } from '../http/formats.js';
import { toCsv } from '../http/csv.js';
import { currentRevision } from '../queries/meta.js';
import { caseStats } from '../queries/stats.js';
import { caseFilterOf } from './known.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  app.get(
    '/stats/cases',
    {
      config: { produces: LIST_PRODUCES },
      schema: {
        operationId: 'getCaseStats',
        tags: ['cases'],
        summary: 'Case counts and sentence lengths, grouped',
        description:
          'Group by any of country, year (of the decision or report), outcome, sentenceKind (of the first sentence listed), ' +
          'provision (charged), force, side, conduct; filter as /v1/cases. Imprisonment statistics are over the cases ' +
          'with a non-suspended prison term of known length, in months. CSV columns: group.<dimension>, cases, imprisonment.*, suspended.',
        querystring: StatsQuerySchema,
        response: {
          200: {
            description: 'One row per group',
            content: { 'application/json': { schema: StatsSchema }, 'text/csv': { schema: z.string() } },
          },
          ...errorResponses(),
        },
      },
    },
    async (req, reply) => {
      const { groupBy, format, ...query } = req.query;
      const filter = await caseFilterOf(db(), query);
      const [rows, rev] = await Promise.all([caseStats(db(), groupBy, filter), currentRevision(db())]);
      const revision = rev?.revision ?? 'none';
      reply.header('dataset-revision', revision);
      if (wantsCsv(req, format)) {
        const cols = [
          ...groupBy.map((k) => `group.${k}`),
          'cases',
          'imprisonment.count',
          'imprisonment.minMonths',
          'imprisonment.medianMonths',
          'imprisonment.meanMonths',
          'imprisonment.maxMonths',
          'suspended',
        ];
        return reply
          .type(CSV_TYPE)
          .serializer((x: unknown) => x as string)
          .send(toCsv(rows, cols));
      }
      return reply.send({ groupBy, data: rows, datasetRevision: revision });
    },
  );
};

export default routes;
