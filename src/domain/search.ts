// Full-text search across provisions, cases, practice notes and sources.
import { z } from 'zod';
import { listParams } from '../http/formats.js';
import { CountryParamSchema, CursorSchema, LimitSchema, PageSchema } from './common.js';

export const SEARCH_TYPES = ['provision', 'case', 'practice', 'source'] as const;

export const SearchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(300)
    .describe('Words to find, in English or Russian; websearch syntax: "exact phrase", or, -excluded'),
  type: z.enum(SEARCH_TYPES).optional().describe('Only results of this type'),
  country: CountryParamSchema.optional(),
  limit: LimitSchema,
  cursor: CursorSchema,
  ...listParams,
});

export const SearchHitSchema = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.string(),
    country: z.string().nullable(),
    title: z.string(),
    snippet: z.string().describe('The best matching passage, matches wrapped in <mark></mark>'),
    rank: z.number().describe('Relevance (higher is better)'),
    href: z.string().describe('The API path of the record'),
  })
  .meta({ id: 'SearchHit' });

export const SearchResultSchema = z
  .object({ data: z.array(SearchHitSchema), page: PageSchema })
  .meta({ id: 'SearchResult' });

export type SearchHit = z.output<typeof SearchHitSchema>;

/** The `q` parameter of /v1/cases and /v1/provisions. */
export const TextQuerySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300)
  .optional()
  .describe('Full-text filter, English or Russian (websearch syntax)');
