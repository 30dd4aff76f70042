// Search across every kind of record: cases, provisions and their parts, instruments, practice notes and their
// statistics, forces, sources and each country's gaps.
import { z } from 'zod';
import { CountryParamSchema, CursorSchema, LimitSchema, PageSchema } from './common.js';

export const SEARCH_TYPES = ['case', 'provision', 'instrument', 'practice', 'force', 'source', 'gap'] as const;
export const MATCH_KINDS = ['exact', 'stem', 'folded', 'prefix', 'fuzzy'] as const;

export const SearchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(300)
    .describe(
      'Words to find, in any script and spelling (Cyrillic or Latin, any transliteration, prefixes, one typo). Records matching more words rank higher, then those matching them exactly or by stem; a word that matches nothing does not hide the others. "an exact phrase" must match; -word excludes',
    ),
  type: z.enum(SEARCH_TYPES).optional().describe('Only results of this type'),
  country: CountryParamSchema.optional().describe(
    'Only records of this country (a source: cited by records of this country; a force: designated by it)',
  ),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const SearchHitSchema = z
  .object({
    type: z.enum(SEARCH_TYPES).describe('The kind of record'),
    id: z.string().describe('Id (or code) of the record'),
    country: z.string().nullable().describe('The country of the record; null for sources and forces'),
    countries: z.array(z.string()).describe('Every country the record belongs to (for a source: citing countries)'),
    title: z.string().describe('Title of the record'),
    snippet: z.string().describe('The best matching passage as plain text (never markup; escape it when showing it)'),
    highlights: z
      .array(
        z.object({
          start: z.number().int().describe('Offset of the first character of the match'),
          end: z.number().int().describe('Offset just after the match'),
        }),
      )
      .describe('Where the matched words stand in `snippet`: UTF-16 offsets, end exclusive'),
    matched: z
      .array(
        z.object({
          term: z.string().describe('The query word'),
          field: z.enum(['title', 'body', 'other']).describe('Where it matched (other: ids and source titles)'),
          how: z
            .enum(MATCH_KINDS)
            .describe(
              'exact, stem (English or Russian stemming: the words differ by an ending), folded (another script or ' +
                'transliteration), prefix, or fuzzy (a near spelling: a typo, or a related word such as наемничество ' +
                'for наемник)',
            ),
          word: z.string().describe('The word of the record it matched'),
        }),
      )
      .describe('Why the record matched, word by word'),
    rank: z
      .number()
      .describe(
        'Relevance, higher is better. Its whole part is the number of query words the record matches; the fraction ' +
          'orders records matching as many words by how many of them match exactly or by stem (not by a near ' +
          'spelling), then by how often and where',
      ),
    href: z.string().describe('The API path of the record'),
  })
  .meta({ id: 'SearchHit' });

export const SearchResultSchema = z
  .object({ data: z.array(SearchHitSchema).describe('The hits, best first'), page: PageSchema })
  .meta({ id: 'SearchResult' });

export type SearchHit = z.output<typeof SearchHitSchema>;

/** The `q` parameter of /v1/cases and /v1/provisions. */
export const TextQuerySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300)
  .optional()
  .describe('Text filter: every word must match, in any script or spelling (folded), as a prefix or with one typo');

// Practice notes and gaps have no title of their own: search gives them one composed from codes, here, and the
// pages read the codes back (the two functions below each pair) to say them in the page's language.
/** The search title of a practice note: its kind, and its stance when it has one (`statistics: prosecutes`). */
export const practiceTitle = (kind: string, stance: string | null): string => (stance ? `${kind}: ${stance}` : kind);
/** The kind and stance of a practiceTitle. */
export function practiceTitleCodes(title: string): { kind: string; stance: string | undefined } {
  const [kind = '', stance] = title.split(': ');
  return { kind, stance };
}
/** The search title of a gap: the country's name and the gap's topic (`Kyrgyzstan: gap (statistics)`). */
export const gapTitle = (countryName: string, topic: string): string => `${countryName}: gap (${topic})`;
/** The topic of a gapTitle, if `title` is one. */
export const gapTitleTopic = (title: string): string | undefined => /: gap \(([a-z-]+)\)$/.exec(title)?.[1];
