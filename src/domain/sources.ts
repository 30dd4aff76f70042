// The Source resource: a document that states facts in the dataset.
import { z } from 'zod';
import { SOURCE_KINDS } from '../domain/vocabulary.js';
import { CountFlagSchema, CursorSchema, LimitSchema, PartialDateSchema, list } from './common.js';
import { sourceExample } from './examples.js';

export const SourceSchema = z
  .object({
    id: z.string().describe('Stable slug: publisher, date and topic'),
    url: z.string().nullable().describe('Where it was published; null when only a stored copy is known'),
    title: z.string().describe('Title of the document'),
    publisher: z.string().describe('Who published it'),
    published: PartialDateSchema.nullable().describe('Publication date, as precise as known'),
    retrieved: PartialDateSchema.nullable().describe('When the project read it'),
    kind: z
      .enum(SOURCE_KINDS)
      .describe('official-text, court-record, government-statement, ngo, media, legal-database or academic'),
    language: z.string().describe('ISO 639-1 language code'),
    translation: z
      .enum(['official', 'unofficial'])
      .nullable()
      .describe('For a translated statute: whether the translation is official; null if not a translation'),
    translator: z.string().nullable().describe('Whose translation, when unofficial'),
    note: z.string().nullable().describe('Remarks, such as which article numbering the source uses'),
    citedBy: z.number().int().describe('How many records cite this source'),
  })
  .meta({ id: 'Source', examples: [sourceExample] });

export const SourceListSchema = list(SourceSchema, 'SourceList');

export const SourceQuerySchema = z.strictObject({
  kind: z.enum(SOURCE_KINDS).optional().describe('Only sources of this kind'),
  publisher: z.string().max(200).optional().describe('Only sources of this publisher (exact, case-insensitive)'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en')
    .optional()
    .describe('Only sources in this language'),
  limit: LimitSchema,
  cursor: CursorSchema,
  count: CountFlagSchema,
});

export const SourceParamsSchema = z.strictObject({ id: z.string().max(200).describe('Source id') });

export type Source = z.output<typeof SourceSchema>;
