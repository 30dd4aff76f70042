// The PracticeNote resource: documented prosecution practice, statements, warnings and statistics per country.
import { z } from 'zod';
import {
  MEASURES,
  PENALTY_KINDS,
  PENALTY_ROLES,
  PENALTY_UNITS,
  PRACTICE_KINDS,
  QUALIFIERS,
  STANCES,
} from '../domain/vocabulary.js';
import {
  BasisSchema,
  CountFlagSchema,
  CountryCodeSchema,
  CountryParamSchema,
  CursorSchema,
  LimitSchema,
  PartialDateSchema,
  ProvisionRefSchema,
  SourceRefsSchema,
  list,
} from './common.js';

export const StatisticSchema = z
  .object({
    id: z.string().describe('Stable id: `<practice note id>#<s1, s2, ...>`'),
    measure: z.enum(MEASURES).describe('What is counted'),
    value: z.number().describe('The count (the lower end when valueMax is given)'),
    valueMax: z.number().nullable().describe('The upper end when the source gives a range of counts; else null'),
    qualifier: z
      .enum(QUALIFIERS)
      .describe('How the source qualifies the count: exact, at-least ("more than"), at-most, about'),
    from: PartialDateSchema.nullable().describe('Start of the period counted; null for a cumulative count'),
    to: PartialDateSchema.nullable().describe('End of the period counted (the "as of" date of a cumulative count)'),
    scope: z
      .object({
        provisions: z.array(z.string()).describe('The articles counted under, if the source names them'),
        conflict: z.string().nullable().describe('The conflict counted, if the source restricts it'),
        force: z.string().nullable().describe('The force counted, if the source restricts it'),
        region: z.string().nullable().describe('The region counted, if not the whole country'),
      })
      .describe('What the count covers'),
    sentence: z
      .object({
        kind: z.enum(PENALTY_KINDS).describe('The kind of sentence'),
        min: z.number().nullable().describe('The lowest sentence stated; null when none'),
        max: z.number().nullable().describe('The highest sentence stated; null when none'),
        unit: z.enum(PENALTY_UNITS).describe('Unit of min and max'),
      })
      .nullable()
      .describe('For counts of people sentenced: the sentences they received ("5 to 7 years"); else null'),
    disputed: z.boolean().describe('True when another source counts the same thing differently (see dispute)'),
    dispute: z.string().nullable().describe('What this figure conflicts with'),
    note: z.string().nullable().describe('About this figure, in our words; null if nothing'),
    basis: BasisSchema,
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Statistic' });

export const StatedPenaltySchema = z
  .object({
    id: z.string().describe('Stable id: `<practice note id>#<p1, p2, ...>`'),
    provision: ProvisionRefSchema.nullable().describe('The article the statement names; null when it names none'),
    part: z.string().nullable().describe('The part the statement names; null when none'),
    kind: z.enum(PENALTY_KINDS).describe('The kind of punishment'),
    min: z.number().nullable().describe('The lowest value stated; null when none'),
    max: z.number().nullable().describe('The highest value stated; null when none'),
    unit: z.enum(PENALTY_UNITS).nullable().describe('Unit of min and max; null when no value is stated'),
    role: z.enum(PENALTY_ROLES).describe('main, alternative or additional punishment'),
    context: z.string().nullable().describe('Who said it and what it refers to'),
  })
  .describe("A penalty an official statement gives; its basis is the note's")
  .meta({ id: 'StatedPenalty' });

export const PracticeNoteSchema = z
  .object({
    id: z.string().describe('Stable id of the note'),
    country: CountryCodeSchema,
    kind: z.enum(PRACTICE_KINDS).describe('practice, statistics, warning, policy, proposal or gap'),
    stance: z
      .enum(STANCES)
      .nullable()
      .describe('The prosecution stance the note documents; null when it establishes none'),
    from: PartialDateSchema.nullable().describe('Start of the period described'),
    to: PartialDateSchema.nullable().describe('End of the period; null if ongoing or unknown'),
    statement: z.string().describe('The note, in our words'),
    statistics: z.array(StatisticSchema).describe('Every figure the sources of the note count, typed'),
    penaltiesStated: z.array(StatedPenaltySchema).describe('Penalties an official statement gives'),
    basis: BasisSchema,
    sources: SourceRefsSchema,
  })
  .meta({ id: 'PracticeNote' });

export const PracticeListSchema = list(PracticeNoteSchema, 'PracticeList');

export const PracticeQuerySchema = z.strictObject({
  country: CountryParamSchema.optional(),
  kind: z.enum(PRACTICE_KINDS).optional().describe('Only notes of this kind'),
  stance: z
    .enum(STANCES)
    .optional()
    .describe('Only notes that establish this stance (notes that establish none have a null stance)'),
  limit: LimitSchema,
  cursor: CursorSchema,
  count: CountFlagSchema,
});
export const PracticeParamsSchema = z.strictObject({ id: z.string().max(100).describe('Practice note id') });

export type PracticeNote = z.output<typeof PracticeNoteSchema>;
export type Statistic = z.output<typeof StatisticSchema>;
