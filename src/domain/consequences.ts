// The consequences answer: what a citizen faces for a conduct (or for serving a force) under the law on a date.
import { z } from 'zod';
import { OUTCOMES, PENALTY_KINDS, PENALTY_ROLES, PENALTY_UNITS, STANCES } from '../data/files.js';
import {
  BasisSchema,
  DateParamSchema,
  CountryCodeSchema,
  CountryParamSchema,
  PartialDateSchema,
  SourceRefSchema,
} from './common.js';
import { GapSchema } from './countries.js';
import { DesignationSchema } from './forces.js';
import { PracticeNoteSchema } from './practice.js';
import { BoundarySchema, ExemptionSchema, PartSchema, PenaltySchema } from './provisions.js';

export const PenaltyAlternativeSchema = z
  .object({
    provision: z.string().describe('The provision whose part states this value'),
    version: z.string().describe('The version id'),
    part: z.string().describe('The part'),
    penalty: PenaltySchema.describe('The value as its sources state it, with their context'),
  })
  .meta({ id: 'PenaltyAlternative' });

export const PenaltyOptionSchema = z
  .object({
    kind: z.enum(PENALTY_KINDS),
    role: z.enum(PENALTY_ROLES),
    unit: z.enum(PENALTY_UNITS).nullable(),
    alternatives: z
      .array(PenaltyAlternativeSchema)
      .describe(
        'Every value stated for this kind of punishment in the applicable parts, each with its sources; never merged',
      ),
    disputed: z
      .boolean()
      .describe('True when sources disagree on the value for one part (see each alternative and its context)'),
    envelope: z
      .object({
        min: z.number().nullable().describe('The lowest minimum over the alternatives; null if one gives none'),
        max: z.number().nullable().describe('The highest maximum over the alternatives; null if one gives none'),
      })
      .describe('A summary for dashboards: the envelope of the alternatives, NOT a penalty any source states'),
  })
  .meta({ id: 'PenaltyOption' });

export const LenientLawSchema = z
  .object({
    provision: z.string().describe('The provision of the later text (the same article, or its successor)'),
    version: z.string().describe('Id of the later version'),
    validFrom: z.string(),
    part: z.string(),
    note: z.string().describe('How the later text is more lenient'),
  })
  .meta({ id: 'LenientLaw' });

export const ApplicableProvisionSchema = z
  .object({
    provision: z.object({
      id: z.string(),
      article: z.string(),
      heading: z.string(),
      instrument: z.object({ id: z.string(), title: z.string() }),
    }),
    inForce: z
      .enum(['certain', 'possible'])
      .describe(
        'certain: this text was in force on the date; possible: the date falls inside an uncertain boundary (a change known only to a year, a month or an interval), so this text and its neighbour are both returned',
      ),
    version: z.object({
      id: z.string(),
      validFrom: BoundarySchema,
      validTo: BoundarySchema.nullable(),
      amendedBy: z.string().nullable(),
      basis: BasisSchema,
      textKnown: z.boolean().describe('False when the text of this period was not read: penalties unknown'),
      textUnknown: z.string().nullable().describe('Why the text of this period is not known'),
      note: z.string().nullable(),
    }),
    matchedBy: z
      .array(z.string())
      .describe(
        'Why it applies: `conduct:<code>` for a conduct asked, `force:<id>` for serving the force (its fighting, as a mercenary or in its forces)',
      ),
    parts: z.array(PartSchema).describe('The parts that apply, in the version in force on the date'),
    wholeArticle: z
      .boolean()
      .describe(
        'True when the text of the period was not read and the article as a whole reaches the conduct: which part applies is unknown',
      ),
    exemptions: z.array(ExemptionSchema).describe('Notes exempting from liability, in that version'),
    moreLenientLater: z
      .array(LenientLawSchema)
      .describe('Later texts that are more lenient: under the more-lenient-law rule these may apply instead'),
    lenientUnknown: z
      .array(
        z.object({
          provision: z.string(),
          version: z.string(),
          validFrom: BoundarySchema,
          part: z.string().describe('The applicable part compared'),
          reason: z
            .enum(['text-unknown', 'disputed', 'no-term'])
            .describe(
              'text-unknown: the later text was not read; disputed: sources give several terms; no-term: a side states no prison term',
            ),
        }),
      )
      .describe('Later texts for which the dataset cannot tell whether they are more lenient'),
  })
  .meta({ id: 'ApplicableProvision' });

export const SentenceStatSchema = z
  .object({
    kind: z.enum(PENALTY_KINDS),
    suspended: z.boolean(),
    count: z.number().int().describe('Sentences of this kind'),
    withLength: z.number().int().describe('Of which with a known length'),
    minMonths: z.number().nullable(),
    medianMonths: z.number().nullable(),
    maxMonths: z.number().nullable(),
  })
  .meta({ id: 'SentenceStat' });

export const CaseBriefSchema = z
  .object({
    id: z.string(),
    decided: PartialDateSchema,
    court: z.string().nullable(),
    place: z.string().nullable(),
    outcome: z.enum(OUTCOMES),
    sentence: z.string().nullable().describe('The main sentence in words, e.g. "5 years imprisonment (suspended)"'),
  })
  .meta({ id: 'CaseBrief' });

export const ConsequencesSchema = z
  .object({
    country: CountryCodeSchema,
    date: z.string().describe('The date whose law is applied (the date of the conduct)'),
    conducts: z.array(z.string()).describe('The conducts asked about'),
    force: z
      .object({
        id: z.string(),
        name: z.string(),
        designations: z
          .array(DesignationSchema)
          .describe("The country's designations of the force in effect on the date"),
      })
      .nullable(),
    found: z
      .boolean()
      .describe(
        'True when the dataset names the article(s) in force on the date (their penalties may still be unknown); false means unknown, not "no penalty"',
      ),
    provisions: z.array(ApplicableProvisionSchema),
    conductsReached: z
      .array(z.string())
      .describe('The conducts the answer covers: those asked, and for a force the conducts of serving in it'),
    penalties: z
      .array(PenaltyOptionSchema)
      .describe('Main and alternative punishments of the applicable parts, every stated value kept'),
    exemptionAvailable: z.boolean().describe('Whether any applicable provision has an exemption note'),
    amnesties: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          adopted: z.string().nullable(),
          inForceFrom: z.string().nullable(),
          summary: z.string().nullable(),
        }),
      )
      .describe(
        "Amnesty acts of the country adopted on or after the date (an amnesty reaches earlier acts); check each act's scope",
      ),
    practice: z.object({
      stance: z.enum(STANCES).describe('The stance of the most recent practice note that states one; unknown if none'),
      notes: z.array(PracticeNoteSchema),
    }),
    precedents: z.object({
      count: z
        .number()
        .int()
        .describe('Rulings and prosecutions under the applicable provisions or with the conducts asked about'),
      byOutcome: z.record(z.string(), z.number().int()),
      sentences: z.array(SentenceStatSchema).describe('Distribution of the sentences actually imposed'),
      recent: z.array(CaseBriefSchema).describe('The most recent five'),
    }),
    unknowns: z.array(z.string()).describe('What the dataset does not know that bears on the answer'),
    gaps: z.array(GapSchema).describe("The country's recorded gaps"),
    caveats: z.array(z.string()),
    sources: z.array(SourceRefSchema).describe('Every source behind the answer'),
    datasetRevision: z
      .string()
      .describe('The dataset revision this answer was computed from (also the Dataset-Revision header)'),
  })
  .meta({ id: 'Consequences' });

const conductList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [
    ...new Set(
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(100)).max(10, 'at most 10 conducts'))
  .optional()
  .describe('Conduct codes from /v1/conducts: comma-separated or repeated');

export const ConsequencesQuerySchema = z.strictObject({
  conduct: conductList,
  force: z.string().max(100).optional().describe('A force id from /v1/forces, in place of or beside conduct'),
  date: DateParamSchema.optional().describe('Date of the conduct; defaults to today'),
});

export const CompareQuerySchema = z.strictObject({
  conduct: conductList,
  force: z.string().max(100).optional().describe('A force id from /v1/forces'),
  date: DateParamSchema.optional().describe('Date of the conduct; defaults to today'),
});

export const CompareRowSchema = z
  .object({
    country: CountryCodeSchema,
    found: z.boolean(),
    articles: z.array(z.string()).describe('Applicable provisions, e.g. kg-cc-2021-art-416 part 2'),
    inForce: z
      .enum(['certain', 'possible', 'unknown'])
      .describe('possible when the date falls inside an uncertain boundary; unknown when nothing was found'),
    imprisonmentMin: z
      .number()
      .nullable()
      .describe('Envelope of the stated minimum terms (not a stated penalty); null if one alternative gives none'),
    imprisonmentMax: z
      .number()
      .nullable()
      .describe('Envelope of the stated maximum terms (not a stated penalty); null if one alternative gives none'),
    imprisonmentUnit: z.string().nullable(),
    imprisonmentAlternatives: z
      .array(z.string())
      .describe(
        'Each stated imprisonment term with its article and part, e.g. "kg-cc-2021-art-256 part 1: up to 8 years"',
      ),
    penaltyKnown: z.boolean().describe('False when the applicable text was not read or states no penalty'),
    penaltyKinds: z.array(z.string()).describe('Kinds of main or alternative punishment available'),
    disputed: z.boolean(),
    exemption: z.boolean(),
    stance: z.enum(STANCES),
    rulings: z.number().int().describe('Known rulings and prosecutions (precedents)'),
  })
  .meta({ id: 'CompareRow' });

export const CompareSchema = z
  .object({
    date: z.string(),
    conducts: z.array(z.string()),
    force: z.string().nullable(),
    datasetRevision: z.string(),
    data: z.array(CompareRowSchema),
  })
  .meta({ id: 'Compare' });

export const ConsequencesParamsSchema = z.strictObject({ code: CountryParamSchema });

export type Consequences = z.output<typeof ConsequencesSchema>;
export type CompareRow = z.output<typeof CompareRowSchema>;
