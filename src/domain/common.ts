// Schemas shared by every resource: identifiers, dates with precision, source references, pages and problems.
import { z } from 'zod';
import { isRealDate } from '../rules/dates.js';
import { BASES, COUNTRY_CODES, SOURCE_KINDS } from '../domain/vocabulary.js';
import { sourceRefExample } from './examples.js';

export const CountryCodeSchema = z
  .enum(COUNTRY_CODES)
  .describe('ISO 3166-1 alpha-2 code of the country: KZ, KG, TJ, TM or UZ')
  .meta({ id: 'CountryCode', examples: ['KG'] });

const COUNTRY_PARAMS = [...COUNTRY_CODES, ...COUNTRY_CODES.map((c) => c.toLowerCase())] as [string, ...string[]];

/** A country code in a path or query: upper or lower case on input (exactly the documented enum), upper after. */
export const CountryParamSchema = z
  .enum(COUNTRY_PARAMS, { error: 'must be one of KZ, KG, TJ, TM, UZ (or in lower case)' })
  .transform((s) => s.toUpperCase() as (typeof COUNTRY_CODES)[number])
  .describe('ISO 3166-1 alpha-2 code: KZ, KG, TJ, TM or UZ, in upper or lower case');

export const BasisSchema = z
  .enum(BASES)
  .describe(
    'How the fact is known: official-text (read in the code or act itself), official-statement (a ministry, court, prosecutor or embassy said it), reported (media or NGO)',
  )
  .meta({ id: 'Basis' });

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real date from 1900 to 2100: the precision is the format (validates the
 * data files' dates and date filters). */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date YYYY-MM-DD, YYYY-MM or YYYY (in YAML, quoted)')
  .refine((s) => {
    const [y, m = 1, d = 1] = s.split('-').map(Number) as [number, number?, number?];
    return y >= 1900 && y <= 2100 && isRealDate(y, m, d);
  }, 'is not a real date');

export const PartialDateSchema = z
  .string()
  .describe('A date as the source gives it: YYYY-MM-DD, YYYY-MM or YYYY (the precision is the format)')
  .meta({ examples: ['2024-06-24', '2024-01', '2014'] });

/** A day as a query parameter: YYYY-MM-DD, a real date from 1900 to 2100 (the database refuses year 0000). */
export const DateParamSchema = z.iso
  .date({ error: 'must be a date YYYY-MM-DD' })
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'must be a date from 1900-01-01 to 2100-12-31');

export const PrecisionSchema = z.enum(['day', 'month', 'year']).describe('The precision of the date');

export const SourceRefSchema = z
  .object({
    id: z.string().describe('Source id; GET /v1/sources/{id} has the full record'),
    title: z.string().describe('Title of the document'),
    publisher: z.string().describe('Who published it'),
    url: z.string().nullable().describe('Where it was published; null when only a stored copy is known'),
    published: PartialDateSchema.nullable().describe('Publication date, as precise as known'),
    kind: z
      .enum(SOURCE_KINDS)
      .describe('official-text, court-record, government-statement, ngo, media, legal-database or academic'),
  })
  .describe('A source that states the fact')
  .meta({ id: 'SourceRef', examples: [sourceRefExample] });

/** An instrument where an answer names one: the same object everywhere (GET /v1/instruments/{id} has the rest). */
export const InstrumentRefSchema = z
  .object({
    id: z.string().describe('Instrument id, e.g. kg-cc-2021'),
    title: z.string().describe('Title of the instrument (English)'),
  })
  .describe('The instrument')
  .meta({ id: 'InstrumentRef' });

/** A provision where an answer names one: the same object everywhere (GET /v1/provisions/{id} has the rest). */
export const ProvisionRefSchema = z
  .object({
    id: z.string().describe('Provision id, e.g. kg-cc-2021-art-256'),
    article: z.string().describe('Article number as the code writes it, e.g. 256 or 154-1'),
    heading: z.string().describe('Heading of the article (English)'),
    instrument: InstrumentRefSchema,
  })
  .describe('The provision')
  .meta({ id: 'ProvisionRef' });

export const SourceRefsSchema = z.array(SourceRefSchema).describe('The sources that state this fact (at least one)');

export const PageSchema = z
  .object({
    limit: z.number().int().describe('The page size used'),
    next: z.string().nullable().describe('Cursor of the next page (pass as `cursor`); null on the last page'),
    total: z.number().int().optional().describe('The number of records matching the filters (with count=true)'),
  })
  .describe('Cursor pagination; the next page is also in the Link header (rel="next")')
  .meta({ id: 'Page' });

export const CountFlagSchema = z
  .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'must be true or false' }))
  .optional()
  .describe('true to add the total number of matching records (page.total in JSON, and the X-Total-Count header)');

export const LimitSchema = z.coerce
  .number({ error: 'must be an integer from 1 to 200' })
  .int('must be an integer from 1 to 200')
  .min(1, 'must be an integer from 1 to 200')
  .max(200, 'must be an integer from 1 to 200')
  .default(50)
  .describe('Page size, 1 to 200 (default 50)');

export const CursorSchema = z
  .string()
  .max(512)
  .optional()
  .describe('Opaque cursor from `page.next` of the previous page');

export const ParameterErrorSchema = z
  .object({
    in: z.enum(['path', 'query', 'header', 'body']).describe('Where the parameter is'),
    name: z.string().describe('The parameter at fault'),
    detail: z.string().describe('What is wrong with it'),
    suggestions: z
      .array(z.string())
      .optional()
      .describe('For an unknown value: the nearest valid values ("did you mean"), best first'),
  })
  .meta({ id: 'ParameterError' });

export const ProblemSchema = z
  .object({
    type: z.string().describe('URI reference of the problem type (GET it for a description)'),
    title: z.string().describe('Short summary of the problem type'),
    status: z.number().int().describe('HTTP status code'),
    detail: z.string().describe('What went wrong in this request'),
    instance: z.string().describe('The request path'),
    errors: z.array(ParameterErrorSchema).optional().describe('Each parameter at fault (400 only)'),
  })
  .describe('RFC 9457 problem details (media type application/problem+json)')
  .meta({
    id: 'Problem',
    examples: [
      {
        type: '/problems/invalid-parameter',
        title: 'Invalid parameter',
        status: 400,
        detail: 'query parameter limit: must be an integer from 1 to 200',
        instance: '/v1/cases?limit=500',
        errors: [{ in: 'query', name: 'limit', detail: 'must be an integer from 1 to 200' }],
      },
    ],
  });

/** A documented problem response: RFC 9457 JSON under its own media type. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The problem responses every data route may give, and 404 for routes that look a record up. */
export function errorResponses(opts: { notFound?: boolean } = {}) {
  const r: Record<number, ReturnType<typeof problemResponse>> = {
    400: problemResponse('Invalid parameter: `errors` names each parameter at fault'),
    406: problemResponse('None of the media types in Accept can be produced'),
    414: problemResponse('The request target is longer than 4096 characters'),
    429: problemResponse('Rate limit exceeded for this client; see Retry-After'),
    503: problemResponse('Database unavailable or too slow, or the server is overloaded; see Retry-After'),
  };
  if (opts.notFound) r[404] = problemResponse('No record has this identifier');
  return r;
}

export const list = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item).describe('The records of this page'), page: PageSchema }).meta({ id });

export type SourceRef = z.output<typeof SourceRefSchema>;
