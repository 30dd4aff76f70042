// Case statistics for dashboards: counts and sentence lengths grouped by country, year, outcome, and more.
import { z } from 'zod';
import { OUTCOMES, PENALTY_KINDS, SIDES } from '../domain/vocabulary.js';
import { CountryCodeSchema } from './common.js';
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
    count: z.number().int().describe('Cases with a sentence of known length (months summed over the case)'),
    minMonths: z.number().nullable().describe('The shortest, in months; null when no length is known'),
    medianMonths: z.number().nullable().describe('The median, in months; null when no length is known'),
    meanMonths: z.number().nullable().describe('The mean, in months (2 decimals); null when no length is known'),
    maxMonths: z.number().nullable().describe('The longest, in months; null when no length is known'),
  })
  .describe('Lengths of the sentences, in months (days counted as 1/30 month)')
  .meta({ id: 'LengthStats' });

export const SentenceKindStatsSchema = z
  .object({
    kind: z.enum(PENALTY_KINDS).describe('The kind of sentence'),
    cases: z.number().int().describe('Cases of the group with a sentence of this kind'),
    suspended: z.number().int().describe('Of these, cases where a sentence of this kind was suspended'),
    lengths: LengthStatsSchema.describe('Lengths of the non-suspended sentences of this kind, where known'),
  })
  .meta({ id: 'SentenceKindStats' });

export const StatsRowSchema = z
  .object({
    group: z
      .object({
        country: CountryCodeSchema.optional(),
        year: z.number().int().nullable().optional().describe('Year of the decision (or report)'),
        outcome: z.enum(OUTCOMES).nullable().optional().describe('Outcome of the case; null: not known'),
        sentenceKind: z.enum(PENALTY_KINDS).nullable().optional().describe('Kind of the first sentence; null: none'),
        provision: z.string().nullable().optional().describe('A provision charged (id); null: none recorded'),
        force: z.string().nullable().optional().describe('The force served (id); null: not reported'),
        side: z.enum(SIDES).nullable().optional().describe('The side served; null: not reported'),
        conduct: z.string().nullable().optional().describe('A conduct code of the case'),
      })
      .describe('The values of the groupBy dimensions (only those asked for)'),
    cases: z.number().int().describe('Cases in the group'),
    imprisonment: LengthStatsSchema.describe('Imprisonment sentences actually served (not suspended)'),
    suspended: z.number().int().describe('Suspended imprisonment sentences'),
    sentences: z
      .array(SentenceKindStatsSchema)
      .describe('Every kind of sentence imposed in the group (fines, restriction of liberty, ...), by kind'),
  })
  .meta({ id: 'StatsRow' });

export const StatsSchema = z
  .object({
    groupBy: z.array(z.enum(GROUP_KEYS)).describe('The dimensions grouped by, in order'),
    data: z.array(StatsRowSchema).describe('One row per group, in key order; groups with no case have 0'),
    datasetRevision: z.string().describe('The dataset revision of the answer (also the Dataset-Revision header)'),
  })
  .meta({ id: 'CaseStats' });

export type StatsRow = z.output<typeof StatsRowSchema>;
export type SentenceKindStats = z.output<typeof SentenceKindStatsSchema>;
export type StatsQuery = z.output<typeof StatsQuerySchema>;
