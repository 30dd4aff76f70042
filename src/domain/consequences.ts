// The consequences answer: what a citizen faces for a conduct (or for serving a force) under the law on a date.
import { z } from 'zod';
import { OUTCOMES, PENALTY_KINDS, PENALTY_ROLES, PENALTY_UNITS, STANCES } from '../domain/vocabulary.js';
import {
  BasisSchema,
  DateParamSchema,
  CountryCodeSchema,
  CountryParamSchema,
  PartialDateSchema,
  ProvisionRefSchema,
  SourceRefSchema,
} from './common.js';
import { GapSchema } from './countries.js';
import { DesignationSchema } from './forces.js';
import { PracticeNoteSchema } from './practice.js';
import { BoundarySchema, ExemptionSchema, PartSchema, PenaltySchema } from './provisions.js';

export const PenaltyAlternativeSchema = z
  .object({
    provision: ProvisionRefSchema.describe('The provision whose part states this value'),
    version: z.string().describe('The version id'),
    part: z.string().describe('The part'),
    penalty: PenaltySchema.describe('The value as its sources state it, with their context'),
  })
  .meta({ id: 'PenaltyAlternative' });

export const PenaltyOptionSchema = z
  .object({
    kind: z.enum(PENALTY_KINDS).describe('The kind of punishment'),
    role: z.enum(PENALTY_ROLES).describe('main, alternative or additional punishment'),
    unit: z.enum(PENALTY_UNITS).nullable().describe('Unit of the values; null when no value is stated'),
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
    provision: ProvisionRefSchema.describe('The provision of the later text (the same article, or its successor)'),
    version: z.string().describe('Id of the later version'),
    validFrom: z.string().describe('When the later version took effect'),
    part: z.string().describe('The part of the later version compared'),
    note: z.string().describe('How the later text is more lenient'),
  })
  .meta({ id: 'LenientLaw' });

export const ApplicableProvisionSchema = z
  .object({
    provision: ProvisionRefSchema.describe('The applicable provision'),
    inForce: z
      .enum(['certain', 'possible'])
      .describe(
        'certain: this text was in force on the date; possible: the date falls inside an uncertain boundary (a change known only to a year, a month or an interval), so this text and its neighbour are both returned',
      ),
    version: z
      .object({
        id: z.string().describe('Version id'),
        validFrom: BoundarySchema,
        validTo: BoundarySchema.nullable().describe('When the version ceased to apply; null while in force'),
        amendedBy: z.string().nullable().describe('The act that made this version; null for the original text'),
        basis: BasisSchema,
        textKnown: z.boolean().describe('False when the text of this period was not read: penalties unknown'),
        textUnknown: z.string().nullable().describe('Why the text of this period is not known'),
        note: z.string().nullable().describe('About this version, in our words; null if nothing'),
      })
      .describe('The version in force on the date'),
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
          provision: ProvisionRefSchema.describe('The provision of the later text'),
          version: z.string().describe('Version id of the later text'),
          validFrom: BoundarySchema.describe('When the later text took effect'),
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
    kind: z.enum(PENALTY_KINDS).describe('The kind of sentence'),
    suspended: z.boolean().describe('True for suspended sentences of this kind'),
    count: z.number().int().describe('Sentences of this kind'),
    withLength: z.number().int().describe('Of which with a known length'),
    minMonths: z.number().nullable().describe('The shortest known length, in months'),
    medianMonths: z.number().nullable().describe('The median known length, in months'),
    maxMonths: z.number().nullable().describe('The longest known length, in months'),
  })
  .meta({ id: 'SentenceStat' });

export const CaseBriefSchema = z
  .object({
    id: z.string().describe('Case id (GET /v1/cases/{id})'),
    decided: z
      .object({
        date: PartialDateSchema.describe(
          'Decision date, or the date of the report when the decision date is not known',
        ),
      })
      .describe('When it was decided: the brief form of Case.decided'),
    court: z
      .object({
        name: z.string().nullable().describe('Court name; null when the sources do not name it'),
        place: z.string().nullable().describe('Where the court sits; null when not known'),
      })
      .describe('The court: the brief form of Case.court'),
    outcome: z.enum(OUTCOMES).nullable().describe('How the case ended, so far; null when the sources do not say'),
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
        id: z.string().describe('Force id'),
        name: z.string().describe('Name of the force'),
        designations: z
          .array(DesignationSchema)
          .describe("The country's designations of the force in effect on the date"),
      })
      .nullable()
      .describe('The force asked about, with its designations; null when none was asked'),
    found: z
      .boolean()
      .describe(
        'True when the dataset names the article(s) in force on the date (their penalties may still be unknown); false means unknown, not "no penalty"',
      ),
    provisions: z.array(ApplicableProvisionSchema).describe('The provisions and parts that apply on the date'),
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
          id: z.string().describe('Instrument id of the amnesty act'),
          title: z.string().describe('Title of the act'),
          adopted: z.string().nullable().describe('When it was adopted; null when not known'),
          inForceFrom: z.string().nullable().describe('When it took effect; null when not known'),
          summary: z.string().nullable().describe('What it covers, in our words; null when not summarised'),
        }),
      )
      .describe(
        "Amnesty acts of the country adopted on or after the date (an amnesty reaches earlier acts); check each act's scope",
      ),
    practice: z
      .object({
        stance: z
          .enum(STANCES)
          .nullable()
          .describe('The stance of the most recent practice note that states one; null (unknown) when none does'),
        notes: z.array(PracticeNoteSchema).describe('The practice notes of the country'),
      })
      .describe('How the law is applied in practice'),
    precedents: z
      .object({
        count: z
          .number()
          .int()
          .describe('Rulings and prosecutions under the applicable provisions or with the conducts asked about'),
        byOutcome: z
          .array(
            z.object({
              outcome: z.enum(OUTCOMES).nullable().describe('The outcome; null for cases whose outcome is not known'),
              cases: z.number().int().describe('Number of those cases with this outcome'),
            }),
          )
          .describe(
            'Those cases per outcome, in the order of the outcome list, unknown (null) last; only outcomes present',
          ),
        sentences: z.array(SentenceStatSchema).describe('Distribution of the sentences actually imposed'),
        recent: z.array(CaseBriefSchema).describe('The most recent five'),
      })
      .describe('Rulings and prosecutions under the applicable provisions'),
    unknowns: z.array(z.string()).describe('What the dataset does not know that bears on the answer'),
    gaps: z.array(GapSchema).describe("The country's recorded gaps"),
    caveats: z.array(z.string()).describe('Warnings that bear on reading the answer'),
    sources: z.array(SourceRefSchema).describe('Every source behind the answer'),
    datasetRevision: z
      .string()
      .describe('The dataset revision this answer was computed from (also the Dataset-Revision header)'),
  })
  .meta({ id: 'Consequences' });

const conductList = z
  .preprocess(
    (v) => {
      const values = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(values)) return values;
      return [
        ...new Set(
          values
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
    },
    z.array(z.string().max(100)).max(10, 'at most 10 conducts'),
  )
  .optional()
  .describe(
    'Conduct codes from /v1/conducts, repeated (conduct=a&conduct=b) or comma-separated; at most 10. ' +
      'conduct or force (or both) is required',
  );

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
    found: z.boolean().describe('True when an applicable article is known for the country'),
    articles: z.array(z.string()).describe('Applicable provisions, e.g. kg-cc-2021-art-416 part 2'),
    inForce: z
      .enum(['certain', 'possible'])
      .nullable()
      .describe('possible when the date falls inside an uncertain boundary; null (unknown) when nothing was found'),
    imprisonmentMin: z
      .number()
      .nullable()
      .describe('Envelope of the stated minimum terms (not a stated penalty); null if one alternative gives none'),
    imprisonmentMax: z
      .number()
      .nullable()
      .describe('Envelope of the stated maximum terms (not a stated penalty); null if one alternative gives none'),
    imprisonmentUnit: z.string().nullable().describe('Unit of imprisonmentMin and imprisonmentMax (years or months)'),
    imprisonmentAlternatives: z
      .array(z.string())
      .describe(
        'Each stated imprisonment term with its article and part, e.g. "kg-cc-2021-art-256 part 1: up to 8 years"',
      ),
    penaltyKnown: z.boolean().describe('False when the applicable text was not read or states no penalty'),
    penaltyKinds: z.array(z.string()).describe('Kinds of main or alternative punishment available'),
    disputed: z.boolean().describe('True when sources disagree on a penalty of an applicable part'),
    exemption: z.boolean().describe('True when an applicable provision has an exemption note'),
    stance: z
      .enum(STANCES)
      .nullable()
      .describe('The prosecution stance of the latest practice note that states one; null (unknown) when none does'),
    rulings: z.number().int().describe('Known rulings and prosecutions (precedents)'),
  })
  .meta({ id: 'CompareRow' });

export const CompareSchema = z
  .object({
    date: z.string().describe('The date whose law is applied'),
    conducts: z.array(z.string()).describe('The conducts asked about'),
    force: z.string().nullable().describe('The force asked about, or null'),
    datasetRevision: z.string().describe('The dataset revision of the answer (also the Dataset-Revision header)'),
    data: z.array(CompareRowSchema).describe('One row per country'),
  })
  .meta({ id: 'Compare' });

export const ConsequencesParamsSchema = z.strictObject({ code: CountryParamSchema });

export type Consequences = z.output<typeof ConsequencesSchema>;
export type CompareRow = z.output<typeof CompareRowSchema>;
