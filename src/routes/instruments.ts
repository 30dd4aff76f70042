// Routes of /v1/instruments.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_PRODUCES, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import {
  InstrumentListSchema,
  InstrumentParamsSchema,
  InstrumentQuerySchema,
  InstrumentSchema,
} from '../domain/instruments.js';
import { notFound } from '../http/problem.js';
import { listInstruments } from '../queries/instruments.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/instruments',
    {
      config: { produces: LIST_PRODUCES },
      schema: {
        operationId: 'listInstruments',
        tags: ['law'],
        summary: 'Criminal codes, laws, amnesty acts and court guidance',
        querystring: InstrumentQuerySchema,
        response: { 200: listResponse(InstrumentListSchema, 'The instruments, as JSON or CSV'), ...errorResponses() },
      },
    },
    async (req, reply) =>
      sendList(req, reply, InstrumentSchema, { data: await listInstruments(app.database.db, req.query) }, req.query),
  );

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
      const [instrument] = await listInstruments(app.database.db, { id: req.params.id });
      if (!instrument) throw notFound('instrument', req.params.id);
      return instrument;
    },
  );
};

export default routes;
