// The Case resource: a court ruling or prosecution, with its charges, sentences and later events.
import { z } from 'zod';
import {
  APPEAL_STATUSES,
  COURT_LEVELS,
  DATE_KINDS,
  EVENT_KINDS,
  OUTCOMES,
  PROVISION_SCOPES,
  PENALTY_KINDS,
  SIDES,
} from '../domain/vocabulary.js';
import {
  BasisSchema,
  CountFlagSchema,
  CountryCodeSchema,
  CountryParamSchema,
  CursorSchema,
  LimitSchema,
  PartialDateSchema,
  PrecisionSchema,
  ProvisionRefSchema,
  SourceRefsSchema,
  list,
  partialDate,
} from './common.js';
import { caseExample } from './examples.js';
import { TextQuerySchema } from './search.js';

export const SentenceSchema = z
  .object({
    kind: z.enum(PENALTY_KINDS).describe('The punishment imposed'),
    years: z.number().int().nullable().describe('Whole years of the term; null when not a term or not reported'),
    months: z.number().int().nullable().describe('Further months of the term; null when none or not reported'),
    days: z.number().int().nullable().describe('Further days of the term; null when none or not reported'),
    totalMonths: z.number().nullable().describe('The length in months (days counted as 1/30 month), for comparison'),
    amount: z.number().nullable().describe('For fines: the amount'),
    unit: z.string().nullable().describe('For fines: the unit of the amount'),
    regime: z.string().nullable().describe('Colony regime or similar, as reported'),
    suspended: z.boolean().describe('True for a suspended (conditional) sentence'),
    probationMonths: z.number().int().nullable().describe('Probation period of a suspended sentence, in months'),
  })
  .meta({ id: 'Sentence' });

export const ChargeSchema = z
  .object({
    id: z.string().describe('Stable id: `<case id>#<provision id>#<part, or * when not known>`'),
    provision: ProvisionRefSchema.describe('The provision charged'),
    part: z.string().nullable().describe('Part of the article; null when the sources do not say'),
    scope: z
      .enum(PROVISION_SCOPES)
      .describe(
        'core: an article on the subject; related: another article the sources name (attempt, border crossing, ...)',
      ),
    note: z.string().nullable().describe('About this charge (e.g. read with the attempt article), in our words'),
  })
  .meta({ id: 'Charge' });

export const CaseEventSchema = z
  .object({
    date: PartialDateSchema.nullable().describe('When it happened, as precise as known; null when not reported'),
    kind: z.enum(EVENT_KINDS).describe('What happened after the ruling'),
    note: z.string().describe('What happened, in our words'),
    sources: SourceRefsSchema,
  })
  .meta({ id: 'CaseEvent' });

export const DisputeSchema = z
  .object({
    field: z.string().describe('Which fact the reports disagree on'),
    note: z.string().describe('How they disagree'),
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Dispute' });

export const CaseSchema = z
  .object({
    id: z.string().describe('Stable slug fixed at first import: `<country>-<year>-<place>-<initials or slug>`'),
    country: CountryCodeSchema,
    court: z
      .object({
        name: z.string().nullable().describe('Court name; null when the sources do not name it'),
        level: z.enum(COURT_LEVELS).nullable().describe('Level of the court; null when not known'),
        place: z.string().nullable().describe('Where the court sits; null when not known'),
      })
      .describe('The court that decided'),
    decided: z
      .object({
        date: PartialDateSchema.describe(
          'Decision date, or the date of the report when the decision date is not known',
        ),
        precision: PrecisionSchema,
        kind: z
          .enum(DATE_KINDS)
          .describe(
            'decision: the court decided on this date; reported: only the date of the report is known; ' +
              "inferred: worked out from the source's own context (see note); not-after: the source gives no " +
              'date, so this is the date of the report and the decision was on or before it',
          ),
        note: z.string().nullable().describe('How an inferred or not-after date was worked out; null otherwise'),
        reported: PartialDateSchema.nullable().describe(
          'The first report, when a decision date is known too; else null',
        ),
        sentenceStart: PartialDateSchema.nullable().describe('The day the sentence runs from, when a source gives it'),
      })
      .describe('When it was decided, and how that date is known'),
    judge: z.string().nullable().describe('The judge, as published; null when not published'),
    defendant: z
      .object({
        name: z.string().nullable().describe('As published (initials where courts withhold names); null if unnamed'),
        age: z.number().int().nullable().describe('Age at the time of the ruling; null when not reported'),
        sex: z.enum(['male', 'female']).nullable().describe('Sex; null when not reported'),
        citizenships: z.array(z.string()).describe('Citizenships (ISO alpha-2 codes) as reported'),
      })
      .describe('The person tried'),
    charges: z.array(ChargeSchema).describe('The articles charged, one entry per provision and part'),
    conducts: z.array(z.string()).describe('Conduct codes'),
    side: z.enum(SIDES).nullable().describe('The side the defendant served; null if not reported'),
    force: z
      .object({ id: z.string().describe('Force id'), name: z.string().describe('Name of the force') })
      .nullable()
      .describe('The force served; null if not reported'),
    conflict: z
      .object({ id: z.string().describe('Conflict id'), name: z.string().describe('Name of the conflict') })
      .nullable()
      .describe('The conflict the defendant took part in; null if not reported'),
    outcome: z.enum(OUTCOMES).nullable().describe('How the case ended, so far; null when the sources do not say'),
    sentences: z.array(SentenceSchema).describe('Main and additional punishments imposed'),
    appeal: z
      .object({
        status: z.enum(APPEAL_STATUSES).nullable().describe('Where the appeal stands; null when not reported'),
        note: z.string().nullable().describe('About the appeal, in our words'),
      })
      .nullable()
      .describe('null when nothing is reported about an appeal'),
    events: z.array(CaseEventSchema).describe('Later events: amnesty, pardon, exchange, re-enlistment, ...'),
    disputes: z.array(DisputeSchema).describe('Where the sources disagree'),
    summary: z.string().describe('What happened, in our words'),
    basis: BasisSchema,
    sources: SourceRefsSchema,
  })
  .meta({ id: 'Case', examples: [caseExample] });

export const CaseListSchema = list(CaseSchema, 'CaseList');

const date = (what: string) => partialDate.optional().describe(what);

export const CaseQuerySchema = z.strictObject({
  country: CountryParamSchema.optional(),
  provision: z
    .string()
    .max(100)
    .optional()
    .describe(
      'Only cases charging this provision: its id (uz-cc-1994-art-154-1), or its article number as reports write it (154-1, 154¹, 401′), best with country',
    ),
  defendant: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Only cases whose defendant name matches, in any script or transliteration (every word; prefixes allowed)',
    ),
  court: z.string().trim().min(1).max(100).optional().describe('Only cases whose court name matches (any spelling)'),
  place: z.string().trim().min(1).max(100).optional().describe("Only cases whose court's place matches (any spelling)"),
  judge: z.string().trim().min(1).max(100).optional().describe('Only cases whose judge matches (any spelling)'),
  sentenceKind: z.enum(PENALTY_KINDS).optional().describe('Only cases with a sentence of this kind'),
  sentenceMinYears: z.coerce
    .number({ error: 'must be a number of years from 0 to 100' })
    .min(0, 'must be a number of years from 0 to 100')
    .max(100, 'must be a number of years from 0 to 100')
    .optional()
    .describe('Only cases with a sentence (of sentenceKind, if given) of at least this many years'),
  sentenceMaxYears: z.coerce
    .number({ error: 'must be a number of years from 0 to 100' })
    .min(0, 'must be a number of years from 0 to 100')
    .max(100, 'must be a number of years from 0 to 100')
    .optional()
    .describe('Only cases with a sentence (of sentenceKind, if given) of at most this many years'),
  q: TextQuerySchema,
  conduct: z.string().max(100).optional().describe('Only cases with this conduct code'),
  outcome: z.enum(OUTCOMES).optional().describe('Only cases with this outcome'),
  force: z.string().max(100).optional().describe('Only cases where the defendant served this force'),
  side: z.enum(SIDES).optional().describe('Only cases where the defendant served this side'),
  dateKind: z
    .enum(DATE_KINDS)
    .optional()
    .describe('Only cases whose date is known this way, e.g. decision for exactly dated rulings'),
  decidedFrom: date('Only cases decided (or reported) on or after this date; a month or year means its first day'),
  decidedTo: date('Only cases decided (or reported) on or before this date; a month or year means its last day'),
  sort: z
    .enum(['decided', '-decided'])
    .default('-decided')
    .describe('Order by decision date: -decided (newest first, default) or decided'),
  limit: LimitSchema,
  cursor: CursorSchema,
  count: CountFlagSchema,
});

export const CaseParamsSchema = z.strictObject({ id: z.string().max(100).describe('Case id') });

export type Case = z.output<typeof CaseSchema>;
export type CaseQuery = z.output<typeof CaseQuerySchema>;
