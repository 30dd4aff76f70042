// The Force resource: armed forces, private military companies, volunteer units and groups citizens served in.
import { z } from 'zod';
import { DESIGNATION_STATUSES, FORCE_KINDS, SIDES } from '../domain/vocabulary.js';
import { BasisSchema, CountryCodeSchema, PartialDateSchema, SourceRefsSchema } from './common.js';

export const DesignationSchema = z
  .object({
    country: CountryCodeSchema,
    status: z.enum(DESIGNATION_STATUSES).describe('How the country designated the force'),
    from: PartialDateSchema.nullable().describe('Since when; null if the source gives no date'),
    to: PartialDateSchema.nullable().describe('Until when; null while in effect'),
    act: z.string().nullable().describe('The act or decision, in our words'),
    basis: BasisSchema,
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Designation' });

export const ForceSchema = z
  .object({
    id: z.string().describe('Stable slug'),
    name: z.string().describe('Name of the force (English)'),
    kind: z.enum(FORCE_KINDS).describe('state-armed-forces, private-military-company, volunteer-unit or armed-group'),
    state: z.string().nullable().describe('The state it belongs to or serves (ISO alpha-2), if any'),
    side: z.enum(SIDES).describe('The side it fought on'),
    conflicts: z
      .array(z.object({ id: z.string().describe('Conflict id'), name: z.string().describe('Name of the conflict') }))
      .describe('Conflicts it fought in'),
    designations: z
      .array(DesignationSchema)
      .describe("Each Central Asian country's legal designation of it, over time"),
    caseCount: z.number().int().describe('Cases in which a defendant served in this force'),
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Force' });

export const ForceListSchema = z
  .object({ data: z.array(ForceSchema).describe('The records') })
  .meta({ id: 'ForceList' });
export const ForceParamsSchema = z.strictObject({ id: z.string().max(100).describe('Force id') });

export type Force = z.output<typeof ForceSchema>;
export type Designation = z.output<typeof DesignationSchema>;
