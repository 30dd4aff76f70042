// The PracticeNote resource: documented prosecution practice, statements, warnings and statistics per country.
import { z } from 'zod';
import { CountFlagSchema, listParams } from '../http/formats.js';
import { PRACTICE_KINDS, STANCES } from '../data/files.js';
import {
  BasisSchema,
  CountryCodeSchema,
  CountryParamSchema,
  CursorSchema,
  LimitSchema,
  PartialDateSchema,
  SourceRefsSchema,
  list,
} from './common.js';

export const StatisticSchema = z
  .object({
    year: z.number().int(),
    casesOpened: z.number().int().nullable().describe('Criminal cases opened that year; null if not stated'),
    convictions: z.number().int().nullable().describe('Convictions that year; null if not stated'),
    note: z.string().nullable(),
  })
  .meta({ id: 'Statistic' });

export const PracticeNoteSchema = z
  .object({
    id: z.string(),
    country: CountryCodeSchema,
    kind: z.enum(PRACTICE_KINDS).describe('practice, statistics, warning, policy, proposal or gap'),
    stance: z.enum(STANCES).nullable().describe('The prosecution stance the note documents, if any'),
    from: PartialDateSchema.nullable().describe('Start of the period described'),
    to: PartialDateSchema.nullable().describe('End of the period; null if ongoing or unknown'),
    statement: z.string().describe('The note, in our words'),
    statistics: z.array(StatisticSchema),
    basis: BasisSchema,
    sources: SourceRefsSchema,
  })
  .meta({ id: 'PracticeNote' });

export const PracticeListSchema = list(PracticeNoteSchema, 'PracticeList');

export const PracticeQuerySchema = z.strictObject({
  country: CountryParamSchema.optional(),
  kind: z.enum(PRACTICE_KINDS).optional(),
  stance: z.enum(STANCES).optional(),
  limit: LimitSchema,
  cursor: CursorSchema,
  count: CountFlagSchema,
  ...listParams,
});
export const PracticeParamsSchema = z.strictObject({ id: z.string().max(100).describe('Practice note id') });

export type PracticeNote = z.output<typeof PracticeNoteSchema>;
