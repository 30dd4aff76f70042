// The Instrument resource: a criminal code, law, amnesty act, decree or court guidance.
import { z } from 'zod';
import { INSTRUMENT_KINDS } from '../domain/vocabulary.js';
import { BoundarySchema } from './provisions.js';
import { BasisSchema, CountryCodeSchema, CountryParamSchema, PartialDateSchema, SourceRefsSchema } from './common.js';

export const InstrumentSchema = z
  .object({
    id: z.string().describe('Stable id, e.g. kg-cc-2021 (Criminal Code of Kyrgyzstan of 2021)'),
    country: CountryCodeSchema,
    kind: z.enum(INSTRUMENT_KINDS).describe('criminal-code, law, amnesty-act, decree or court-guidance'),
    title: z.string().describe('English title'),
    titleOriginal: z.string().nullable().describe('Title in the original language'),
    number: z.string().nullable().describe('Official number, if any'),
    adopted: PartialDateSchema.nullable().describe('Date parliament adopted it; null if not known'),
    signed: PartialDateSchema.nullable().describe('Date the head of state signed it; null if not known'),
    published: PartialDateSchema.nullable().describe('Date of official publication; null if not known'),
    inForceFrom: BoundarySchema.nullable().describe(
      'When it entered into force (an interval A/B when the day is known only within bounds); null if not known',
    ),
    inForceTo: BoundarySchema.nullable().describe('When it ceased to be in force; null while in force'),
    datesNote: z
      .string()
      .nullable()
      .describe('How the dates are known: which act put it into force, which source says so'),
    officialUrl: z.string().nullable().describe('The official publication, if online'),
    replaces: z.string().nullable().describe('Id of the instrument it replaced'),
    replacedBy: z.array(z.string()).describe('Ids of instruments that replaced it'),
    summary: z.string().nullable().describe('What it does, in our words (for amnesty acts: whom it covered)'),
    provisionCount: z.number().int().describe('How many of its provisions the dataset holds'),
    basis: BasisSchema,
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Instrument' });

export const InstrumentListSchema = z
  .object({ data: z.array(InstrumentSchema).describe('The records') })
  .meta({ id: 'InstrumentList' });

export const InstrumentQuerySchema = z.strictObject({
  country: CountryParamSchema.optional(),
  kind: z.enum(INSTRUMENT_KINDS).optional().describe('Only instruments of this kind'),
});
export const InstrumentParamsSchema = z.strictObject({ id: z.string().max(100).describe('Instrument id') });

export type Instrument = z.output<typeof InstrumentSchema>;
