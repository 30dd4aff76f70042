// The Conduct resource: the taxonomy of what a person did, shared by provisions and cases.
import { z } from 'zod';

export const ConductSchema = z
  .object({
    code: z.string().describe('Stable code, used as the `conduct` filter elsewhere'),
    label: z.string().describe('Short English label'),
    description: z.string().describe('What the conduct covers'),
    provisionCount: z.number().int().describe('Provisions with a part covering this conduct'),
    caseCount: z.number().int().describe('Cases recorded with this conduct'),
  })
  .meta({ id: 'Conduct' });

export const ConductListSchema = z
  .object({ data: z.array(ConductSchema).describe('The records') })
  .meta({ id: 'ConductList' });
export const ConductParamsSchema = z.strictObject({ code: z.string().max(100).describe('Conduct code') });
