// Routes of /v1/export and /v1/export/{dataset}.{format}.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../domain/common.js';
import { ExportListSchema, ExportParamsSchema } from '../domain/exports.js';
import { CSV_TYPE } from '../http/formats.js';
import { HttpProblem } from '../http/problem.js';
import { notFound } from '../domain/errors.js';
import { exportFiles } from '../http/exports.js';
import { currentRevision } from '../queries/meta.js';
import type { Db } from '../db/client.js';

const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8';

const routes: FastifyPluginAsyncZod = async (app) => {
  const revisionOrFail = async (db: Db) => {
    const rev = await currentRevision(db);
    if (!rev)
      throw new HttpProblem('service-unavailable', 'no dataset has been imported', undefined, { 'retry-after': '5' });
    return rev;
  };

  app.get(
    '/export',
    {
      schema: {
        operationId: 'listExports',
        tags: ['service'],
        summary: 'Downloadable dumps of every dataset (NDJSON and CSV)',
        description:
          'For the current revision, with record counts, sizes and SHA-256 checksums. The data licence is CC BY 4.0.',
        response: { 200: ExportListSchema, ...errorResponses() },
      },
    },
    async (req) => {
      const rev = await revisionOrFail(req.db);
      const files = await exportFiles(req.db, rev.revision);
      return {
        revision: rev.revision,
        importedAt: new Date(rev.importedAt).toISOString(),
        licence: 'CC-BY-4.0',
        files: files.map((f) => ({
          dataset: f.dataset,
          format: f.format,
          href: `/v1/export/${f.dataset}.${f.format}`,
          records: f.records,
          bytes: f.body.length,
          sha256: f.sha256,
        })),
      };
    },
  );

  app.get(
    '/export/:file',
    {
      config: { produces: ['application/x-ndjson', 'text/csv'] },
      schema: {
        operationId: 'getExport',
        tags: ['service'],
        summary: 'One dump file',
        params: ExportParamsSchema,
        response: {
          200: {
            description: 'The file',
            content: {
              'application/x-ndjson': { schema: z.string().describe('One JSON record per line') },
              'text/csv': { schema: z.string().describe('CSV with a header row') },
            },
          },
          ...errorResponses({ notFound: true }),
        },
      },
    },
    async (req, reply) => {
      const rev = await revisionOrFail(req.db);
      const [dataset, format] = req.params.file.split('.') as [string, string];
      const f = (await exportFiles(req.db, rev.revision)).find((x) => x.dataset === dataset && x.format === format);
      if (!f) throw notFound('export file', req.params.file);
      return reply
        .type(format === 'csv' ? CSV_TYPE : NDJSON_TYPE)
        .header('content-disposition', `attachment; filename="${rev.revision}-${req.params.file}"`)
        .header('digest', `sha-256=${Buffer.from(f.sha256, 'hex').toString('base64')}`)
        .send(f.body as unknown as string);
    },
  );
};

export default routes;
