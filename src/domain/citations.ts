// The citation resolver and provision lineage: from what people write to provisions, across code replacements.
import { z } from 'zod';
import { CountryCodeSchema, InstrumentRefSchema, ProvisionRefSchema } from './common.js';

export const ResolveQuerySchema = z.strictObject({
  cite: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .describe(
      'A citation as people write it: "Art. 416(2) CC KG", "article 375 of the 1997 Kyrgyz code", "ст. 154 УК РУз", "ч. 2 ст. 401¹ УК РТ", "154-модда 1-қисм", "UK KR art. 256"',
    ),
});

export const LinkedProvisionSchema = z
  .object({
    id: z.string().describe('Provision id'),
    country: CountryCodeSchema,
    instrument: InstrumentRefSchema,
    article: z.string().describe('Article number as the code writes it'),
    heading: z.string().describe('Heading of the article (English)'),
    validFrom: z.string().nullable().describe('When its first known version took effect'),
    validTo: z.string().nullable().describe('When its last known version ceased to apply; null while in force'),
  })
  .meta({ id: 'LinkedProvision' });

export const CandidateSchema = z
  .object({
    provision: LinkedProvisionSchema.describe('The provision the citation matches'),
    part: z.string().nullable().describe('The part cited, if any'),
    partExists: z
      .boolean()
      .nullable()
      .describe('Whether a version of the provision has that part; null when no part was cited'),
    predecessors: z.array(LinkedProvisionSchema).describe('Articles it replaced (earlier codes, renumbering)'),
    successors: z.array(LinkedProvisionSchema).describe('Articles that replaced it'),
  })
  .meta({ id: 'CitationCandidate' });

export const ResolveSchema = z
  .object({
    cite: z.string().describe('The citation as received'),
    parsed: z
      .object({
        article: z.string().describe('The article number read from the citation'),
        part: z.string().nullable().describe('The part read from the citation; null when none is cited'),
        paragraph: z.string().nullable().describe('The paragraph (пункт, band) within the part, when cited'),
        country: CountryCodeSchema.nullable().describe('null when the citation names no country'),
        year: z.number().int().nullable().describe("The code's year, when the citation gives one"),
      })
      .describe('What was read from the citation'),
    ambiguous: z.boolean().describe('True when more than one provision matches: narrow with a country or a year'),
    candidates: z.array(CandidateSchema).describe('Every matching provision, best first'),
    note: z.string().nullable().describe('Why nothing matched, when nothing did'),
  })
  .meta({ id: 'Resolution' });

export const LineageSchema = z
  .object({
    provision: ProvisionRefSchema.describe('The provision asked about'),
    chain: z
      .array(
        LinkedProvisionSchema.extend({
          relation: z
            .enum(['predecessor', 'self', 'successor'])
            .describe('How it is linked to the provision asked about'),
        }),
      )
      .describe('Every article linked to it through code replacements and renumbering, oldest first'),
  })
  .meta({ id: 'Lineage' });

export type LinkedProvision = z.output<typeof LinkedProvisionSchema>;
export type Resolution = z.output<typeof ResolveSchema>;
