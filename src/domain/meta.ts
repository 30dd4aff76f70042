// The Meta resource and health checks: dataset revision, counts and licence.
import { z } from 'zod';
import { metaExample } from './examples.js';

export const MetaSchema = z
  .object({
    revision: z.string().describe('Dataset revision: a hash of the data files, the same for the same data'),
    importedAt: z.string().describe('When this revision was first imported (ISO 8601)'),
    counts: z.record(z.string(), z.number().int()).describe('Records per kind'),
    coverage: z
      .object({
        countries: z.array(
          z.object({
            country: z.string(),
            provisions: z.number().int(),
            provisionsFromOfficialText: z
              .number()
              .int()
              .describe('Provisions whose latest version was read in the official text'),
            cases: z.number().int(),
            casesByBasis: z.record(z.string(), z.number().int()),
            casesWithSentence: z.number().int(),
            practiceNotes: z.number().int(),
            amnestyActs: z.number().int(),
            gaps: z
              .array(z.object({ topic: z.string(), note: z.string() }))
              .describe('What was looked for and not found'),
          }),
        ),
        sourcesByKind: z.record(z.string(), z.number().int()),
      })
      .nullable()
      .describe('What the dataset covers per country, and its listed gaps (as npm run data:coverage prints)'),
    licence: z.object({ code: z.string(), data: z.string() }).describe('Licences of the code and of the data'),
    apiVersion: z.string(),
    disclaimer: z.string(),
  })
  .meta({ id: 'Meta', examples: [metaExample] });

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health', examples: [{ status: 'ok' }] });
export const ReadySchema = z
  .object({ status: z.enum(['ready']), database: z.enum(['pg', 'pglite']), revision: z.string().nullable() })
  .meta({ id: 'Ready' });
