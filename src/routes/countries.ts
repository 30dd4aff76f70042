// Routes of /v1/countries.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ListOnlyQuerySchema, csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import { CountryListSchema, CountryParamsSchema, CountrySchema } from '../domain/countries.js';
import { notFound } from '../domain/errors.js';
import { getCountry, listCountries } from '../queries/countries.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/countries',
    {
      schema: {
        operationId: 'listCountries',
        tags: ['countries'],
        summary: 'List the five countries',
        description: 'Each country with its summary, record counts and the gaps known in its data.',
        querystring: ListOnlyQuerySchema,
        response: { 200: listResponse(CountryListSchema, 'The countries'), ...errorResponses() },
      },
    },
    async (req, reply) => sendList(req, reply, CountrySchema, { data: await listCountries(req.db) }),
  );

  csvRoute(app, '/countries', {
    operationId: 'listCountriesCsv',
    tags: ['countries'],
    summary: 'The five countries, as CSV',
    querystring: ListOnlyQuerySchema,
    item: CountrySchema,
    table: 'countries',
    key: { field: 'code', column: 'countryCode' },
    load: async (req) => ({ data: await listCountries(req.db) }),
  });

  app.get(
    '/countries/:code',
    {
      schema: {
        operationId: 'getCountry',
        tags: ['countries'],
        summary: 'One country',
        params: CountryParamsSchema,
        response: { 200: CountrySchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const country = await getCountry(req.db, req.params.code);
      if (!country) throw notFound('country', req.params.code);
      return country;
    },
  );
};

export default routes;
