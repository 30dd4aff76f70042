// The Provision resource: an article of an instrument, its versions in force over time, parts and penalties.
import { z } from 'zod';
import {
  CATEGORIES,
  EXEMPTION_CONDITIONS,
  EXEMPTION_EFFECTS,
  PENALTY_KINDS,
  PENALTY_ROLES,
  PENALTY_UNITS,
  PROVISION_SCOPES,
} from '../domain/vocabulary.js';
import { penaltyExample } from './examples.js';
import { TextQuerySchema } from './search.js';
import {
  BasisSchema,
  CountFlagSchema,
  CountryCodeSchema,
  CountryParamSchema,
  CursorSchema,
  DateParamSchema,
  InstrumentRefSchema,
  LimitSchema,
  SourceRefsSchema,
  list,
} from './common.js';

export const PenaltySchema = z
  .object({
    id: z.string().describe('Stable id: `<version id>#<part>#<p1, p2, ...>`; never renumbered'),
    kind: z.enum(PENALTY_KINDS).describe('The kind of punishment'),
    min: z.number().nullable().describe('Lower bound; null when the text gives none'),
    max: z.number().nullable().describe('Upper bound; null when the text gives none'),
    unit: z.enum(PENALTY_UNITS).nullable().describe('Unit of min and max'),
    role: z.enum(PENALTY_ROLES).describe('main, alternative (one of several main punishments) or additional'),
    mandatory: z
      .boolean()
      .nullable()
      .describe("For additional punishments: imposed always (true) or at the court's choice (false)"),
    disputed: z
      .boolean()
      .describe(
        'True when sources disagree: another penalty of the same kind and role is given for this part by other sources, or this value conflicts with the text in another way (see disputeNote)',
      ),
    disputeNote: z
      .string()
      .nullable()
      .describe('How this value conflicts with other sources, when the conflict is not two values of one kind'),
    context: z
      .string()
      .nullable()
      .describe('What explains this value beside the others for the part: whose figure it is, which form it may be'),
    basis: BasisSchema.nullable().describe("How this value is known, when not as its version's basis"),
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Penalty', examples: [penaltyExample] });

export const PartSchema = z
  .object({
    part: z.string().describe('Part number within the article'),
    elements: z.string().describe('The elements of the offence, in our words'),
    excerpt: z.string().nullable().describe('A short quotation from the text'),
    category: z
      .enum(CATEGORIES)
      .nullable()
      .describe('Crime category as the code classifies it; null if not stated in the sources'),
    conducts: z.array(z.string()).describe('Conduct codes this part covers'),
    penalties: z.array(PenaltySchema).describe('Structured penalties exactly as the text gives them'),
  })
  .meta({ id: 'Part' });

export const ExemptionSchema = z
  .object({
    id: z.string().describe('Stable id of the exemption'),
    conditions: z.array(z.enum(EXEMPTION_CONDITIONS)).describe('All conditions that must be met'),
    effect: z.enum(EXEMPTION_EFFECTS).describe('What meeting them does'),
    text: z.string().describe('The exemption in our words'),
    excerpt: z.string().nullable().describe('A short quotation from the note'),
  })
  .meta({ id: 'Exemption' });

export const BoundarySchema = z
  .string()
  .describe(
    'An in-force date: YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known, or an interval A/B when the change took effect on some day between A and B',
  )
  .meta({ id: 'Boundary', examples: ['2015-01-01', '2021', '2021-10-28/2021-12-01'] });

export const BoundsSchema = z
  .object({
    earliest: z.iso.date().describe('The first day the change may have taken effect'),
    latest: z.iso.date().describe('The last day it may have taken effect (equal to earliest when exact)'),
  })
  .meta({ id: 'Bounds' });

export const VersionSchema = z
  .object({
    id: z.string().describe('Stable id: `<provision id>@<version id>`, fixed when first recorded'),
    validFrom: BoundarySchema.describe('When this text took effect (an in-force date, never a report date)'),
    validTo: BoundarySchema.nullable().describe(
      'When it ceased to apply (the next version or the successor code took effect); null while in force',
    ),
    from: BoundsSchema.describe('The days validFrom may stand for'),
    to: BoundsSchema.nullable().describe('The days validTo may stand for; null while in force'),
    amendedBy: z.string().nullable().describe('Instrument id of the amending act; null for the original text'),
    basis: BasisSchema,
    textKnown: z
      .boolean()
      .describe('False when the text of this period was not read: it was in force, but its penalties are unknown'),
    textUnknown: z.string().nullable().describe('Why the text of this period is not known'),
    note: z.string().nullable().describe('How the dates and the content of this version are known, in our words'),
    sources: SourceRefsSchema,
    parts: z.array(PartSchema).describe('The parts of the article in this version'),
    exemptions: z.array(ExemptionSchema).describe('Notes exempting from liability'),
  })
  .meta({ id: 'Version' });

const ProvisionBase = {
  id: z.string().describe('Stable id: `<instrument>-art-<article>`'),
  country: CountryCodeSchema,
  instrument: InstrumentRefSchema.describe('The instrument the article belongs to'),
  article: z.string().describe('Article number'),
  heading: z.string().describe('Article heading in English'),
  headingOriginal: z.string().nullable().describe('Heading in the original language'),
  successorOf: z.array(z.string()).describe('Provisions this article replaced (renumbering or a new code)'),
  succeededBy: z.array(z.string()).describe('Provisions that replaced this article'),
  scope: z
    .enum(PROVISION_SCOPES)
    .describe(
      'core: an article on the subject, with its texts over time; related: another article a charge names (attempt, border crossing, terrorism), recorded with its number and heading only',
    ),
  addedBy: z.string().nullable().describe('The amending act that inserted the article into its code, if any'),
  repealedBy: z.string().nullable().describe('The act that repealed it before its code ended, if any'),
};

export const ProvisionSummarySchema = z
  .object({
    ...ProvisionBase,
    conducts: z
      .array(z.string())
      .describe('Conduct codes the article reaches (as a whole, or in any part of any version)'),
    validFrom: BoundarySchema.nullable().describe(
      'When the article took effect (its first version); null for a related article',
    ),
    validTo: BoundarySchema.nullable().describe(
      'When it ceased to apply; null while in force, or for a related article',
    ),
    caseCount: z.number().int().describe('Cases charging this provision'),
  })
  .meta({ id: 'ProvisionSummary' });

export const ProvisionSchema = z
  .object({
    ...ProvisionBase,
    conducts: z
      .array(z.string())
      .describe('Conduct codes the article reaches (as a whole, or in any part of any version)'),
    caseCount: z.number().int().describe('Cases charging this provision'),
    versions: z.array(VersionSchema).describe('Oldest first; they partition the span of a core article'),
  })
  .meta({ id: 'Provision' });

export const ProvisionListSchema = list(ProvisionSummarySchema, 'ProvisionList');
export const VersionListSchema = z
  .object({ data: z.array(VersionSchema).describe('The records') })
  .meta({ id: 'VersionList' });

export const ProvisionQuerySchema = z.strictObject({
  country: CountryParamSchema.optional(),
  instrument: z.string().max(100).optional().describe('Only provisions of this instrument'),
  conduct: z.string().max(100).optional().describe('Only provisions with a part covering this conduct code'),
  q: TextQuerySchema,
  date: DateParamSchema.optional().describe('Only provisions with a version in force on this date'),
  limit: LimitSchema,
  cursor: CursorSchema,
  count: CountFlagSchema,
});

export const ProvisionParamsSchema = z.strictObject({ id: z.string().max(100).describe('Provision id') });
export const VersionQuerySchema = z.strictObject({
  date: DateParamSchema.optional().describe(
    'Only the version in force on this date (both candidates when the date falls inside an uncertain boundary)',
  ),
});

export type Provision = z.output<typeof ProvisionSchema>;
export type ProvisionSummary = z.output<typeof ProvisionSummarySchema>;
export type Version = z.output<typeof VersionSchema>;
export type Penalty = z.output<typeof PenaltySchema>;
export type Part = z.output<typeof PartSchema>;
