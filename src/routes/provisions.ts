// Routes of /v1/provisions: lists, one provision with its history, and its versions (optionally on a date).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paged } from '../http/pagination.js';
import { csvRoute, listResponse, sendList } from '../http/formats.js';
import { errorResponses } from '../domain/common.js';
import {
  ProvisionListSchema,
  ProvisionParamsSchema,
  ProvisionQuerySchema,
  ProvisionSchema,
  ProvisionSummarySchema,
  VersionListSchema,
  VersionQuerySchema,
} from '../domain/provisions.js';
import { notFound } from '../domain/errors.js';
import { PROVISIONS_KEY, getProvision, listProvisions, versionsOfProvision } from '../queries/provisions.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/provisions',
    {
      schema: {
        operationId: 'listProvisions',
        tags: ['law'],
        summary: 'Articles of the instruments',
        description:
          'Filter by country, instrument, conduct covered, or the date on which a version is in force. Ordered by id.',
        querystring: ProvisionQuerySchema,
        response: {
          200: listResponse(ProvisionListSchema, 'A page of provisions'),
          ...errorResponses(),
        },
      },
    },
    async (req, reply) => {
      const result = await paged(req.query, PROVISIONS_KEY, (page) => listProvisions(req.db, page));
      return sendList(req, reply, ProvisionSummarySchema, { ...result, limit: req.query.limit });
    },
  );

  csvRoute(app, '/provisions', {
    operationId: 'listProvisionsCsv',
    tags: ['law'],
    summary: 'Articles of the instruments, as CSV',
    querystring: ProvisionQuerySchema,
    item: ProvisionSummarySchema,
    table: 'provisions',
    key: { field: 'id', column: 'provisionId' },
    load: async (req, q) => ({
      ...(await paged(q, PROVISIONS_KEY, (page) => listProvisions(req.db, page))),
      limit: q.limit,
    }),
  });

  app.get(
    '/provisions/:id',
    {
      schema: {
        operationId: 'getProvision',
        tags: ['law'],
        summary: 'One provision with every version, part, penalty and exemption',
        params: ProvisionParamsSchema,
        response: { 200: ProvisionSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const provision = await getProvision(req.db, req.params.id);
      if (!provision) throw notFound('provision', req.params.id);
      return provision;
    },
  );

  app.get(
    '/provisions/:id/versions',
    {
      schema: {
        operationId: 'listProvisionVersions',
        tags: ['law'],
        summary: 'The versions of a provision, or the one in force on a date',
        description: 'With `date`, the answer holds the version in force that day, or is empty when none was in force.',
        params: ProvisionParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: VersionListSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const versions = await versionsOfProvision(req.db, req.params.id, req.query.date);
      if (!versions) throw notFound('provision', req.params.id);
      return { data: versions };
    },
  );
};

export default routes;
