// zod schemas of the YAML files in data/ (see data/FORMAT.md): the shape of each file, before cross-checks.
import { z } from 'zod';
import { partialDate } from '../domain/common.js';
import {
  COUNTRY_CODES,
  SOURCE_KINDS,
  BASES,
  INSTRUMENT_KINDS,
  CATEGORIES,
  PENALTY_KINDS,
  PENALTY_UNITS,
  PENALTY_ROLES,
  EXEMPTION_CONDITIONS,
  EXEMPTION_EFFECTS,
  COURT_LEVELS,
  DATE_KINDS,
  SIDES,
  OUTCOMES,
  APPEAL_STATUSES,
  EVENT_KINDS,
  MEASURES,
  QUALIFIERS,
  PROVISION_SCOPES,
  PRACTICE_KINDS,
  STANCES,
  FORCE_KINDS,
  DESIGNATION_STATUSES,
  GAP_TOPICS,
} from '../domain/vocabulary.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be a lower-case kebab-case identifier (a-z, 0-9, -)');

/** A change's in-force date: a partial date, or "A/B" (ISO 8601 interval) when it is known only to lie between the
 * first day of A and the last day of B. */
export const boundary = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/,
    'must be an in-force date YYYY-MM-DD, YYYY-MM or YYYY, or an interval A/B of two such dates (quoted)',
  )
  .refine((s) => s.split('/').every((d) => partialDate.safeParse(d).success), 'is not a real date')
  .refine((s) => {
    const [a, b] = s.split('/');
    return b === undefined || a! <= b;
  }, 'interval A/B must have A before B');

// No NUL or other control characters (tab and newline aside) in any text: they would fail in the database.
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters');
const sourceRefs = z.array(slug).min(1, 'must name at least one source');
const basis = z.enum(BASES);

export const SourceFileSchema = z.strictObject({
  sources: z.array(
    z.strictObject({
      id: slug,
      url: z.url().nullable(),
      title: text,
      publisher: text,
      published: partialDate.nullable(),
      retrieved: partialDate.nullable().optional(),
      kind: z.enum(SOURCE_KINDS),
      language: z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en or ru'),
      translation: z.enum(['official', 'unofficial']).nullable().optional(),
      translator: text.nullable().optional(),
      note: text.nullable().optional(),
    }),
  ),
});

export const ConductFileSchema = z.strictObject({
  conducts: z.array(z.strictObject({ code: slug, label: text, description: text })).min(1),
});

export const ForceFileSchema = z.strictObject({
  conflicts: z.array(
    z.strictObject({
      id: slug,
      name: text,
      from: partialDate.nullable(),
      to: partialDate.nullable(),
      sources: sourceRefs,
    }),
  ),
  forces: z.array(
    z.strictObject({
      id: slug,
      name: text,
      kind: z.enum(FORCE_KINDS),
      state: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .nullable(),
      side: z.enum(SIDES),
      conflicts: z.array(slug),
      designations: z
        .array(
          z.strictObject({
            country: z.enum(COUNTRY_CODES),
            status: z.enum(DESIGNATION_STATUSES),
            from: partialDate.nullable(),
            to: partialDate.nullable(),
            act: text.nullable(),
            basis,
            sources: sourceRefs,
          }),
        )
        .default([]),
      // May be empty only for a catch-all that states no fact (no state, conflicts or designations); see check.ts.
      sources: z.array(slug),
    }),
  ),
});

export const CountryFileSchema = z.strictObject({
  country: z.strictObject({
    code: z.enum(COUNTRY_CODES),
    name: text,
    nameOriginal: text.nullable(),
    summary: text,
    sources: sourceRefs,
  }),
  gaps: z.array(z.strictObject({ topic: z.enum(GAP_TOPICS), note: text })).default([]),
});

const PenaltySchema = z.strictObject({
  // Fixed at first import (p1, p2, ...), never renumbered: a cited penalty id keeps its meaning.
  id: slug,
  kind: z.enum(PENALTY_KINDS),
  min: z.number().nonnegative().nullable(),
  max: z.number().nonnegative().nullable(),
  unit: z.enum(PENALTY_UNITS).nullable(),
  role: z.enum(PENALTY_ROLES),
  mandatory: z.boolean().nullable().optional(),
  // Why this value conflicts with another for the same part when the conflict is not two values of one kind (for
  // example a report attaching another part's sanction to this one): the API then marks the penalty disputed.
  dispute: text.optional(),
  // What explains this value beside the others for the same part: whose figure it is, which form of the offence.
  context: text.optional(),
  // How this value is known, when not as the version's basis (an official statement beside a read text).
  basis: basis.optional(),
  sources: sourceRefs.optional(),
});

const PartSchema = z.strictObject({
  part: z.string().regex(/^[0-9]+(-[0-9]+)?[a-z]?$/, 'must be a part number such as "1" or "2-1" (quoted)'),
  elements: text,
  excerpt: text.nullable().optional(),
  conducts: z.array(slug),
  category: z.enum(CATEGORIES).nullable(),
  penalties: z.array(PenaltySchema),
});

const ExemptionSchema = z.strictObject({
  id: slug,
  conditions: z.array(z.enum(EXEMPTION_CONDITIONS)).min(1),
  effect: z.enum(EXEMPTION_EFFECTS),
  text,
  excerpt: text.nullable().optional(),
});

export const LawFileSchema = z.strictObject({
  instruments: z.array(
    z.strictObject({
      id: slug,
      kind: z.enum(INSTRUMENT_KINDS),
      title: text,
      titleOriginal: text.nullable(),
      number: text.nullable(),
      // Adopted by parliament; signed by the head of state; officially published; in force (an in-force date or an
      // interval A/B where the day is not known); ceased to be in force.
      adopted: partialDate.nullable(),
      signed: partialDate.nullable().optional(),
      published: partialDate.nullable().optional(),
      inForceFrom: boundary.nullable(),
      inForceTo: boundary.nullable(),
      // How the in-force dates are known, in our words (which act put the code into force, which source says so).
      datesNote: text.nullable().optional(),
      officialUrl: z.url().nullable(),
      replaces: slug.nullable(),
      summary: text.nullable().optional(),
      basis,
      sources: sourceRefs,
    }),
  ),
  provisions: z
    .array(
      z.strictObject({
        id: slug,
        instrument: slug,
        article: z.string().regex(/^[0-9]+(-[0-9]+)?$/, 'must be an article number such as "416" or "401-1" (quoted)'),
        heading: text,
        headingOriginal: text.nullable(),
        successorOf: z.array(slug).default([]),
        scope: z.enum(PROVISION_SCOPES).default('core'),
        // The conducts the article as a whole reaches (from its heading): what a period whose text was not read covers.
        conducts: z.array(slug).default([]),
        // The act that inserted the article into its code, and the one that repealed it, when not the code itself.
        addedBy: slug.nullable().optional(),
        repealedBy: slug.nullable().optional(),
        // The article's own span when it differs from its instrument's (added by an amending act, repealed early);
        // by default the instrument's (or the adding act's) inForceFrom and the instrument's inForceTo.
        inForceFrom: boundary.nullable().optional(),
        inForceTo: boundary.nullable().optional(),
        versions: z
          .array(
            z.strictObject({
              // Fixed at first import (the validFrom it was first recorded with), never renamed.
              id: slug,
              validFrom: boundary,
              validTo: boundary.nullable(),
              amendedBy: slug.nullable(),
              basis,
              sources: sourceRefs,
              // Why this period's text is not known (not read in any source); its parts may then be empty and the
              // provision's conducts say what it covers.
              textUnknown: text.optional(),
              note: text.optional(),
              parts: z.array(PartSchema),
              exemptions: z.array(ExemptionSchema).default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

const SentenceSchema = z.strictObject({
  kind: z.enum(PENALTY_KINDS),
  years: z.number().int().nonnegative().nullable().optional(),
  months: z.number().int().nonnegative().nullable().optional(),
  days: z.number().int().nonnegative().nullable().optional(),
  amount: z.number().nonnegative().nullable().optional(),
  unit: text.nullable().optional(),
  regime: text.nullable().optional(),
  suspended: z.boolean().default(false),
  probationMonths: z.number().int().nonnegative().nullable().optional(),
});

export const CaseFileSchema = z.strictObject({
  cases: z
    .array(
      z.strictObject({
        id: slug,
        court: z.strictObject({
          name: text.nullable(),
          level: z.enum(COURT_LEVELS).nullable(),
          place: text.nullable(),
        }),
        decided: partialDate,
        dateKind: z.enum(DATE_KINDS),
        // The first report's date and the day the sentence runs from, when the sources give them.
        reportedOn: partialDate.nullable().optional(),
        sentenceStart: partialDate.nullable().optional(),
        judge: text.nullable().optional(),
        // Required for inferred and not-after (check.ts): how the date was worked out, in our words.
        dateNote: text.nullable().optional(),
        defendant: z.strictObject({
          name: text.nullable(),
          age: z.number().int().min(14).max(110).nullable().optional(),
          sex: z.enum(['male', 'female']).nullable().optional(),
          citizenships: z.array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')).default([]),
        }),
        // Every article the sources name, of any scope; the id is <case>#<provision>#<part or *>.
        charges: z.array(
          z.strictObject({ provision: slug, part: z.string().nullable(), note: text.nullable().optional() }),
        ),
        conducts: z.array(slug).min(1),
        side: z.enum(SIDES).nullable(),
        force: slug.nullable(),
        conflict: slug.nullable(),
        outcome: z.enum(OUTCOMES).nullable(),
        sentences: z.array(SentenceSchema).default([]),
        appeal: z
          .strictObject({ status: z.enum(APPEAL_STATUSES).nullable(), note: text.nullable().optional() })
          .nullable()
          .optional(),
        events: z
          .array(
            z.strictObject({
              date: partialDate.nullable(),
              kind: z.enum(EVENT_KINDS),
              note: text,
              sources: sourceRefs,
            }),
          )
          .default([]),
        disputes: z
          .array(z.strictObject({ field: text, note: text, sources: sourceRefs }))
          .default([])
          .describe('where reports disagree: which field, how, and the sources on each side'),
        summary: text,
        basis,
        sources: sourceRefs,
      }),
    )
    .default([]),
});

const StatisticSchema = z.strictObject({
  // Fixed at first import (s1, s2, ...), never renumbered.
  id: slug,
  measure: z.enum(MEASURES),
  value: z.number().nonnegative(),
  // The upper end when the source gives a range of counts ("between 10 and 15").
  valueMax: z.number().nonnegative().nullable().optional(),
  qualifier: z.enum(QUALIFIERS).default('exact'),
  // The period counted: a year ("2023" to "2023"), a span, or since a start; as of a date when cumulative (from null).
  from: partialDate.nullable(),
  to: partialDate.nullable(),
  scope: z
    .strictObject({
      provisions: z.array(slug).default([]),
      conflict: slug.nullable().optional(),
      force: slug.nullable().optional(),
      region: text.nullable().optional(),
    })
    .default({ provisions: [] }),
  // For "sentenced to N-M years": the sentences the counted persons received.
  sentence: z
    .strictObject({
      kind: z.enum(PENALTY_KINDS),
      min: z.number().nonnegative().nullable(),
      max: z.number().nonnegative().nullable(),
      unit: z.enum(PENALTY_UNITS),
    })
    .nullable()
    .optional(),
  // What this figure conflicts with, when another source counts the same thing differently.
  dispute: text.optional(),
  note: text.nullable().optional(),
  basis: basis.optional(),
  sources: sourceRefs.optional(),
});

const StatedPenaltySchema = z.strictObject({
  id: slug,
  provision: slug.nullable(),
  part: z.string().nullable().optional(),
  kind: z.enum(PENALTY_KINDS),
  min: z.number().nonnegative().nullable(),
  max: z.number().nonnegative().nullable(),
  unit: z.enum(PENALTY_UNITS).nullable(),
  role: z.enum(PENALTY_ROLES),
  context: text.nullable().optional(),
});

export const PracticeFileSchema = z.strictObject({
  practice: z
    .array(
      z.strictObject({
        id: slug,
        kind: z.enum(PRACTICE_KINDS),
        stance: z.enum(STANCES).nullable(),
        from: partialDate.nullable(),
        to: partialDate.nullable(),
        statement: text,
        statistics: z.array(StatisticSchema).default([]),
        // Penalties an official statement gives (a warning), with the article it names when any.
        penaltiesStated: z.array(StatedPenaltySchema).default([]),
        basis,
        sources: sourceRefs,
      }),
    )
    .default([]),
});

export type SourceFile = z.output<typeof SourceFileSchema>;
export type ConductFile = z.output<typeof ConductFileSchema>;
export type ForceFile = z.output<typeof ForceFileSchema>;
export type CountryFile = z.output<typeof CountryFileSchema>;
export type LawFile = z.output<typeof LawFileSchema>;
export type CaseFile = z.output<typeof CaseFileSchema>;
export type PracticeFile = z.output<typeof PracticeFileSchema>;
