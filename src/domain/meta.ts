// The Meta resource and health checks: dataset revision, counts and licence.
import { z } from 'zod';
import { metaExample } from './examples.js';

/** What the dataset covers per country and kind, and its listed gaps (data/coverage.ts computes it at import). */
export const CoverageSchema = z.object({
  countries: z
    .array(
      z.object({
        country: z.string().describe('ISO alpha-2 code of the country'),
        provisions: z.number().int().describe('Provisions'),
        provisionsFromOfficialText: z
          .number()
          .int()
          .describe('Provisions whose latest version was read in the official text'),
        cases: z.number().int().describe('Cases'),
        casesByBasis: z.record(z.string(), z.number().int()).describe('Cases per basis (how they are known)'),
        casesWithSentence: z.number().int().describe('Cases with at least one sentence'),
        practiceNotes: z.number().int().describe('Practice notes'),
        amnestyActs: z.number().int().describe('Amnesty acts'),
        gaps: z
          .array(
            z.object({
              topic: z.string().describe('What kind of information is missing'),
              note: z.string().describe('What was looked for'),
            }),
          )
          .describe('What was looked for and not found'),
      }),
    )
    .describe('Per country'),
  sourcesByKind: z.record(z.string(), z.number().int()).describe('Sources per kind'),
});

export type Coverage = z.output<typeof CoverageSchema>;

export const MetaSchema = z
  .object({
    revision: z.string().describe('Dataset revision: a hash of the data files, the same for the same data'),
    importedAt: z.string().describe('When this revision was first imported (ISO 8601)'),
    counts: z.record(z.string(), z.number().int()).describe('Records per kind'),
    coverage: CoverageSchema.nullable().describe(
      'What the dataset covers per country, and its listed gaps (as npm run data:coverage prints)',
    ),
    licence: z
      .object({
        code: z.string().describe('Licence of the code (SPDX id)'),
        data: z.string().describe('Licence of the data (SPDX id)'),
      })
      .describe('Licences of the code and of the data'),
    apiVersion: z.string().describe('Version of this API'),
    disclaimer: z.string().describe('What the data is and is not'),
  })
  .meta({ id: 'Meta', examples: [metaExample] });

export const HealthSchema = z
  .object({ status: z.literal('ok').describe('Always ok') })
  .meta({ id: 'Health', examples: [{ status: 'ok' }] });
export const ReadySchema = z
  .object({
    status: z.enum(['ready']).describe('Always ready (otherwise the answer is 503)'),
    database: z.enum(['pg', 'pglite']).describe('The database driver: PostgreSQL or embedded PGlite'),
    revision: z.string().nullable().describe('The imported dataset revision'),
  })
  .meta({ id: 'Ready' });
