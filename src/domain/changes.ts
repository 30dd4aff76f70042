// The change feed: what each import created, updated or deleted, for apps that sync without re-reading everything.
import { z } from 'zod';
import { RESOURCE_KINDS } from './resources.js';
import { CursorSchema, LimitSchema, PageSchema } from './common.js';

const TYPES = RESOURCE_KINDS;

export const ChangesQuerySchema = z.strictObject({
  since: z
    .string()
    .max(64)
    .optional()
    .describe(
      'A dataset revision (changes after it) or an ISO 8601 timestamp (changes imported after it); omit for every change',
    ),
  type: z.enum(TYPES).optional().describe('Only changes of this record type'),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const ChangeSchema = z
  .object({
    revision: z.string().describe('The dataset revision that made the change'),
    importedAt: z.string().describe('When that revision was imported'),
    type: z.enum(TYPES).describe('The kind of record changed'),
    id: z.string().describe('Id (or code) of the record changed'),
    op: z.enum(['created', 'updated', 'deleted']).describe('deleted is a tombstone: the record no longer exists'),
    href: z.string().nullable().describe('The API path of the record; null for a deleted one'),
  })
  .meta({ id: 'Change' });

export const ChangesSchema = z
  .object({
    currentRevision: z.string().nullable().describe('The current dataset revision: pass it as since next time'),
    data: z.array(ChangeSchema).describe('The changes, oldest first'),
    page: PageSchema,
  })
  .meta({ id: 'ChangeList' });

export type Change = z.output<typeof ChangeSchema>;
