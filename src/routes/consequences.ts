// Routes of /v1/countries/{code}/consequences and /v1/compare: the answers the product exists for.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../domain/common.js';
import {
  CompareQuerySchema,
  CompareRowSchema,
  CompareSchema,
  ConsequencesParamsSchema,
  ConsequencesQuerySchema,
  ConsequencesSchema,
} from '../domain/consequences.js';
import { csvRoute } from '../http/formats.js';
import { invalidParameter } from '../domain/errors.js';
import { compare, consequences } from '../queries/consequences.js';

const today = () => new Date().toISOString().slice(0, 10);

/** At least one of conduct and force is given (that they name existing records is checked by the answer's own
 * statement, see legalRecords in queries/consequences.ts). */
function checkQuestion(q: { conduct?: string[] | undefined; force?: string | undefined }): void {
  if ((!q.conduct || q.conduct.length === 0) && !q.force) {
    throw invalidParameter('query', 'conduct', 'give at least one conduct (or a force)');
  }
}

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/countries/:code/consequences',
    {
      config: { today: true },
      schema: {
        operationId: 'getConsequences',
        tags: ['countries'],
        summary: 'What a citizen faces for a conduct under the law in force on a date',
        description:
          'The provisions and parts that apply in the version in force on `date` (default today), their penalties and ' +
          'crime category, later more lenient texts, exemptions, amnesties, the documented practice, the precedents ' +
          'with the distribution of actual sentences, every source, and what is unknown. `found: false` means the ' +
          'dataset knows no applicable provision, not that there is no penalty. Not legal advice.\n\n' +
          '**At least one of `conduct` and `force` is required** (OpenAPI cannot state "one of" for parameters): ' +
          'with neither, the answer is 400 with `errors[0].name` = `conduct` (see the 400 example).',
        params: ConsequencesParamsSchema,
        querystring: ConsequencesQuerySchema,
        response: { 200: ConsequencesSchema, ...errorResponses() },
      },
    },
    async (req, reply) => {
      checkQuestion(req.query);
      const answer = await consequences(req.db, {
        country: req.params.code,
        conducts: req.query.conduct ?? [],
        force: req.query.force,
        date: req.query.date ?? today(),
      });
      reply.header('dataset-revision', answer.datasetRevision);
      return answer;
    },
  );

  app.get(
    '/compare',
    {
      config: { today: true },
      schema: {
        operationId: 'compareCountries',
        tags: ['countries'],
        summary: 'The consequences of a conduct in every country, one row each',
        description:
          'For dashboards: applicable articles, imprisonment range, penalty kinds, exemption, prosecution stance and known rulings per country. ' +
          '**At least one of `conduct` and `force` is required**: with neither, the answer is 400 naming `conduct`.',
        querystring: CompareQuerySchema,
        response: {
          200: { description: 'One row per country', content: { 'application/json': { schema: CompareSchema } } },
          ...errorResponses(),
        },
      },
    },
    async (req, reply) => {
      checkQuestion(req.query);
      const date = req.query.date ?? today();
      const { datasetRevision, data } = await compare(req.db, {
        conducts: req.query.conduct ?? [],
        force: req.query.force,
        date,
      });
      reply.header('dataset-revision', datasetRevision);
      return reply.send({
        date,
        conducts: req.query.conduct ?? [],
        force: req.query.force ?? null,
        datasetRevision,
        data,
      });
    },
  );

  csvRoute(app, '/compare', {
    operationId: 'compareCountriesCsv',
    tags: ['countries'],
    summary: 'The consequences of a conduct in every country, as CSV',
    description: 'One row per country.',
    querystring: CompareQuerySchema,
    item: CompareRowSchema,
    table: 'countries',
    key: { field: 'country', column: 'country' },
    load: async (req, q, reply) => {
      checkQuestion(q);
      const { datasetRevision, data } = await compare(req.db, {
        conducts: q.conduct ?? [],
        force: q.force,
        date: q.date ?? today(),
      });
      reply.header('dataset-revision', datasetRevision);
      return { data };
    },
  });
};

export default routes;
