// Countries, their recorded gaps, the conduct taxonomy, and the registry of conflicts and forces.
import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

export const countries = pgTable('countries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameOriginal: text('name_original'),
  summary: text('summary'),
});

export const countryGaps = pgTable(
  'country_gaps',
  {
    id: text('id').primaryKey(),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    topic: text('topic').notNull(),
    note: text('note').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [index('country_gaps_country_idx').on(t.countryCode)],
);

export const conducts = pgTable('conducts', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  description: text('description').notNull(),
  ord: integer('ord').notNull(),
});

export const conflicts = pgTable('conflicts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  fromText: text('from_text'),
  toText: text('to_text'),
});

export const forces = pgTable('forces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  state: text('state'),
  side: text('side').notNull(),
  conflicts: text('conflicts').array().notNull(),
});

export const forceDesignations = pgTable(
  'force_designations',
  {
    id: text('id').primaryKey(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    status: text('status').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    fromText: text('from_text'),
    toText: text('to_text'),
    act: text('act'),
    basis: text('basis').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [index('force_designations_force_idx').on(t.forceId)],
);
