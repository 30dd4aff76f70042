// Case statistics for dashboards: counts and sentence lengths grouped by country, year, outcome, and more.
import { z } from 'zod';
import { CaseQuerySchema } from './cases.js';

export const GROUP_KEYS = [
  'country',
  'year',
  'outcome',
  'sentenceKind',
  'provision',
  'force',
  'side',
  'conduct',
] as const;

export const StatsQuerySchema = CaseQuerySchema.omit({
  sort: true,
  limit: true,
  cursor: true,
  count: true,
}).extend({
  groupBy: z
    .string()
    .max(200)
    .default('country')
    .transform((s, ctx) => {
      const keys = [
        ...new Set(
          s
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        ),
      ];
      const bad = keys.filter((k) => !(GROUP_KEYS as readonly string[]).includes(k));
      if (bad.length || keys.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown group ${bad.join(', ') || '(empty)'}; use ${GROUP_KEYS.join(', ')}`,
        });
        return z.NEVER;
      }
      return keys as (typeof GROUP_KEYS)[number][];
    })
    .describe(`Comma-separated dimensions: ${GROUP_KEYS.join(', ')} (default country)`),
});

export const LengthStatsSchema = z
  .object({
    count: z.number().int().describe('Sentences with a known length'),
    minMonths: z.number().nullable(),
    medianMonths: z.number().nullable(),
    meanMonths: z.number().nullable(),
    maxMonths: z.number().nullable(),
  })
  .meta({ id: 'LengthStats' });

export const StatsRowSchema = z
  .object({
    group: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .describe('The values of the groupBy dimensions'),
    cases: z.number().int().describe('Cases in the group'),
    imprisonment: LengthStatsSchema.describe('Imprisonment sentences actually served (not suspended)'),
    suspended: z.number().int().describe('Suspended imprisonment sentences'),
  })
  .meta({ id: 'StatsRow' });

export const StatsSchema = z
  .object({ groupBy: z.array(z.enum(GROUP_KEYS)), data: z.array(StatsRowSchema), datasetRevision: z.string() })
  .meta({ id: 'CaseStats' });

export type StatsRow = z.output<typeof StatsRowSchema>;
export type StatsQuery = z.output<typeof StatsQuerySchema>;
