// Route of /v1/stats/cases (and its CSV sibling): grouped counts and sentence lengths.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/common.js';
import { StatsQuerySchema, StatsRowSchema, StatsSchema, type StatsQuery } from '../domain/stats.js';
import { csvRoute } from '../http/formats.js';
import { caseStats } from '../queries/stats.js';
import type { Db } from '../db/client.js';

const description =
  'Group by any of country, year (of the decision or report), outcome, sentenceKind (of the first sentence listed), ' +
  'provision (charged), force, side, conduct; filter as /v1/cases. Imprisonment statistics are over the cases ' +
  'with a non-suspended prison term of known length, in months.';

const routes: FastifyPluginAsyncZod = async (app) => {
  const rowsOf = async (db: Db, query: StatsQuery) => {
    const { groupBy, ...filter } = query;
    return caseStats(db, groupBy, filter);
  };
  app.get(
    '/stats/cases',
    {
      schema: {
        operationId: 'getCaseStats',
        tags: ['cases'],
        summary: 'Case counts and sentence lengths, grouped',
        description,
        querystring: StatsQuerySchema,
        response: {
          200: { description: 'One row per group', content: { 'application/json': { schema: StatsSchema } } },
          ...errorResponses(),
        },
      },
    },
    async (req, reply) => {
      const { rows, revision } = await rowsOf(req.db, req.query);
      reply.header('dataset-revision', revision);
      return reply.send({ groupBy: req.query.groupBy, data: rows, datasetRevision: revision });
    },
  );

  csvRoute(app, '/stats/cases', {
    operationId: 'getCaseStatsCsv',
    tags: ['cases'],
    summary: 'Case counts and sentence lengths, grouped, as CSV',
    description: `${description} Columns: group.<dimension>, cases, imprisonment.*, suspended, sentences.* (aligned); ' +
      'table=sentences: one row per group and sentence kind.`,
    querystring: StatsQuerySchema,
    item: StatsRowSchema,
    table: 'groups',
    key: { field: 'group', column: 'group' },
    load: async (req, q, reply) => {
      const { rows, revision } = await rowsOf(req.db, q);
      reply.header('dataset-revision', revision);
      const columns = [
        ...q.groupBy.map((k) => `group.${k}`),
        'cases',
        'imprisonment.count',
        'imprisonment.minMonths',
        'imprisonment.medianMonths',
        'imprisonment.meanMonths',
        'imprisonment.maxMonths',
        'suspended',
        'sentences.kind',
        'sentences.cases',
        'sentences.suspended',
      ];
      return { data: rows, columns, keys: q.groupBy.map((k) => ({ field: `group.${k}`, column: `group.${k}` })) };
    },
  });
};

export default routes;
