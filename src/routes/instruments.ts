// Routes of /v1/instruments.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import {
  InstrumentListSchema,
  InstrumentParamsSchema,
  InstrumentQuerySchema,
  InstrumentSchema,
} from '../domain/instruments.js';
import { notFound } from '../domain/errors.js';
import { listInstruments } from '../queries/instruments.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/instruments',
    {
      schema: {
        operationId: 'listInstruments',
        tags: ['law'],
        summary: 'Criminal codes, laws, amnesty acts and court guidance',
        querystring: InstrumentQuerySchema,
        response: { 200: listResponse(InstrumentListSchema, 'The instruments'), ...errorResponses() },
      },
    },
    async (req, reply) => sendList(req, reply, InstrumentSchema, { data: await listInstruments(req.db, req.query) }),
  );

  csvRoute(app, '/instruments', {
    operationId: 'listInstrumentsCsv',
    tags: ['law'],
    summary: 'Criminal codes, laws, amnesty acts and court guidance, as CSV',
    querystring: InstrumentQuerySchema,
    item: InstrumentSchema,
    table: 'instruments',
    key: { field: 'id', column: 'instrumentId' },
    load: async (req, q) => ({ data: await listInstruments(req.db, q) }),
  });

  app.get(
    '/instruments/:id',
    {
      schema: {
        operationId: 'getInstrument',
        tags: ['law'],
        summary: 'One instrument',
        params: InstrumentParamsSchema,
        response: { 200: InstrumentSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const [instrument] = await listInstruments(req.db, { id: req.params.id });
      if (!instrument) throw notFound('instrument', req.params.id);
      return instrument;
    },
  );
};

export default routes;
