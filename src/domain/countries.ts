// The Country resource: a country, what the dataset holds for it, and what is known to be missing.
import { z } from 'zod';
import { GAP_TOPICS } from '../domain/vocabulary.js';
import { CountryCodeSchema, CountryParamSchema, SourceRefsSchema } from './common.js';

export const GapSchema = z
  .object({
    topic: z.enum(GAP_TOPICS).describe('What kind of information is missing'),
    note: z.string().describe('What was looked for and not found in public sources'),
  })
  .meta({ id: 'Gap' });

export const CountrySchema = z
  .object({
    code: CountryCodeSchema,
    name: z.string().describe('English short name'),
    nameOriginal: z.string().nullable().describe('Official name in the state language'),
    summary: z.string().describe('How the country treats the subject, in brief (our words)'),
    counts: z
      .object({
        instruments: z.number().int().describe('Instruments (codes, laws, amnesty acts, guidance)'),
        provisions: z.number().int().describe('Provisions (articles)'),
        cases: z.number().int().describe('Cases'),
        practiceNotes: z.number().int().describe('Practice notes'),
      })
      .describe('How many records the dataset holds for this country'),
    gaps: z.array(GapSchema).describe('What is known to be missing: the API reports these as unknown'),
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Country' });

export const CountryListSchema = z
  .object({ data: z.array(CountrySchema).describe('The records') })
  .meta({ id: 'CountryList' });
export const CountryParamsSchema = z.strictObject({ code: CountryParamSchema });

export type Country = z.output<typeof CountrySchema>;
