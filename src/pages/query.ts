// Reading the query strings of pages: empty form fields mean "not given", every value is checked, and what is wrong
// becomes a 400 page naming the field (never a 500).
import { z } from 'zod';
import { HttpProblem, type ParameterError } from '../http/problem.js';
import { isRealDate } from '../rules/dates.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** An optional text field of a GET form: trimmed, empty means absent, no control characters, bounded length. */
export const field = (max = 100) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v[v.length - 1] : v),
    z
      .string()
      .trim()
      .max(max, `must be at most ${max} characters`)
      .refine((s) => !CONTROL.test(s), 'must not contain control characters')
      .optional()
      .transform((s) => (s === '' ? undefined : s)),
  );

/** An optional enumerated field: empty means absent. */
export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v[v.length - 1] : v === '' ? undefined : v),
    z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional(),
  );

export const countryField = z.preprocess(
  (v) => (typeof v === 'string' && v !== '' ? v.toUpperCase() : undefined),
  z.enum(['KZ', 'KG', 'TJ', 'TM', 'UZ'], { error: 'must be one of KZ, KG, TJ, TM, UZ' }).optional(),
);

export const dateField = field(10).refine(
  (s) =>
    s === undefined ||
    (/^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(...(s.split('-').map(Number) as [number, number, number]))),
  'must be a date YYYY-MM-DD',
);

/** Parses a page's query with its schema; invalid values are an invalid-parameter problem listing each field. */
export function parsePageQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const r = schema.safeParse(query ?? {});
  if (r.success) return r.data;
  const errors: ParameterError[] = r.error.issues.map((i) => ({
    in: 'query',
    name: i.path.join('.') || '(query)',
    detail: i.message,
  }));
  throw new HttpProblem('invalid-parameter', errors.map((e) => `${e.name}: ${e.detail}`).join('; '), errors);
}
