// The Meta resource and health checks: dataset revision, counts and licence.
import { z } from 'zod';
import { metaExample } from './examples.js';

export const MetaSchema = z
  .object({
    revision: z.string().describe('Dataset revision: a hash of the data files, the same for the same data'),
    importedAt: z.string().describe('When this revision was first imported (ISO 8601)'),
    counts: z.record(z.string(), z.number().int()).describe('Records per kind'),
    licence: z.object({ code: z.string(), data: z.string() }).describe('Licences of the code and of the data'),
    apiVersion: z.string(),
    disclaimer: z.string(),
  })
  .meta({ id: 'Meta', examples: [metaExample] });

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health', examples: [{ status: 'ok' }] });
export const ReadySchema = z
  .object({ status: z.enum(['ready']), database: z.enum(['pg', 'pglite']), revision: z.string().nullable() })
  .meta({ id: 'Ready' });
