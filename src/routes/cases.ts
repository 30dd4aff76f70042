// Routes of /v1/cases.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paged } from '../http/pagination.js';
import { csvRoute, listResponse, sendBodies, sendList } from '../http/formats.js';
import { CaseListSchema, CaseParamsSchema, CaseQuerySchema, CaseSchema } from '../domain/cases.js';
import { errorResponses } from '../domain/common.js';
import { notFound } from '../domain/errors.js';
import { CASES_KEY, getCase, listCaseBodies, listCases } from '../queries/cases.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const description =
    'Filter by country, provision charged (an id, or an article number such as 154-1 or 401¹ within the country), ' +
    'defendant, court, place and judge (any script or transliteration), conduct, outcome, force or side served, ' +
    'sentence kind and length, and decision date range. An unknown value is a 400 with the nearest valid values. ' +
    'Newest first by default; cursor pagination (`limit` up to 200, `page.next` and the Link header).';
  app.get(
    '/cases',
    {
      schema: {
        operationId: 'listCases',
        tags: ['cases'],
        summary: 'Court rulings and prosecutions',
        description,
        querystring: CaseQuerySchema,
        response: { 200: listResponse(CaseListSchema, 'A page of cases'), ...errorResponses() },
      },
    },
    async (req, reply) => {
      // The stored JSON of each case, unless fields= asks for some fields only (records then cut and encoded here).
      if (!req.fieldSelection) {
        const result = await paged(req.query, CASES_KEY, (page) => listCaseBodies(req.db, page));
        return sendBodies(req, reply, CaseListSchema, { ...result, limit: req.query.limit });
      }
      const result = await paged(req.query, CASES_KEY, (page) => listCases(req.db, page));
      return sendList(req, reply, CaseSchema, { ...result, limit: req.query.limit });
    },
  );

  csvRoute(app, '/cases', {
    operationId: 'listCasesCsv',
    tags: ['cases'],
    summary: 'Court rulings and prosecutions, as CSV',
    description,
    querystring: CaseQuerySchema,
    item: CaseSchema,
    table: 'cases',
    key: { field: 'id', column: 'caseId' },
    load: async (req, q) => ({ ...(await paged(q, CASES_KEY, (page) => listCases(req.db, page))), limit: q.limit }),
  });

  app.get(
    '/cases/:id',
    {
      schema: {
        operationId: 'getCase',
        tags: ['cases'],
        summary: 'One case',
        params: CaseParamsSchema,
        response: { 200: CaseSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (req) => {
      const found = await getCase(req.db, req.params.id);
      if (!found) throw notFound('case', req.params.id);
      return found;
    },
  );
};

export default routes;
