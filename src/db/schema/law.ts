// The law: instruments, provisions, their versions in force over time, parts, penalties and exemptions.
import { date, index, integer, numeric, pgTable, text, boolean } from 'drizzle-orm/pg-core';
import { countries } from './countries.js';

export const instruments = pgTable(
  'instruments',
  {
    id: text('id').primaryKey(),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    titleOriginal: text('title_original'),
    number: text('number'),
    adopted: text('adopted'),
    inForceFrom: text('in_force_from'),
    inForceTo: text('in_force_to'),
    officialUrl: text('official_url'),
    replaces: text('replaces'),
    summary: text('summary'),
    basis: text('basis').notNull(),
  },
  (t) => [index('instruments_country_idx').on(t.countryCode)],
);

export const provisions = pgTable(
  'provisions',
  {
    id: text('id').primaryKey(),
    instrumentId: text('instrument_id')
      .notNull()
      .references(() => instruments.id),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    article: text('article').notNull(),
    heading: text('heading').notNull(),
    headingOriginal: text('heading_original'),
    successorOf: text('successor_of').array().notNull(),
  },
  (t) => [index('provisions_country_idx').on(t.countryCode), index('provisions_instrument_idx').on(t.instrumentId)],
);

// id is `<provision>@<validFrom>`. valid_to is exclusive: the day the text ceased to apply (the next version's
// valid_from), null while in force. A partial date ("2015") is stored as its first day; the text keeps what was given.
export const provisionVersions = pgTable(
  'provision_versions',
  {
    id: text('id').primaryKey(),
    provisionId: text('provision_id')
      .notNull()
      .references(() => provisions.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    validFromText: text('valid_from_text').notNull(),
    validToText: text('valid_to_text'),
    amendedBy: text('amended_by').references(() => instruments.id),
    basis: text('basis').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [index('provision_versions_provision_idx').on(t.provisionId)],
);

// id is `<version>#<part>`.
export const provisionParts = pgTable(
  'provision_parts',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => provisionVersions.id),
    provisionId: text('provision_id')
      .notNull()
      .references(() => provisions.id),
    part: text('part').notNull(),
    elements: text('elements').notNull(),
    excerpt: text('excerpt'),
    category: text('category'),
    conducts: text('conducts').array().notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [
    index('provision_parts_version_idx').on(t.versionId),
    index('provision_parts_provision_idx').on(t.provisionId),
  ],
);

// id is `<part>#p<n>`.
export const penalties = pgTable(
  'penalties',
  {
    id: text('id').primaryKey(),
    partId: text('part_id')
      .notNull()
      .references(() => provisionParts.id),
    kind: text('kind').notNull(),
    min: numeric('min', { mode: 'number' }),
    max: numeric('max', { mode: 'number' }),
    unit: text('unit'),
    role: text('role').notNull(),
    mandatory: boolean('mandatory'),
    disputeNote: text('dispute_note'),
    ord: integer('ord').notNull(),
  },
  (t) => [index('penalties_part_idx').on(t.partId)],
);

export const exemptions = pgTable(
  'exemptions',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => provisionVersions.id),
    provisionId: text('provision_id')
      .notNull()
      .references(() => provisions.id),
    conditions: text('conditions').array().notNull(),
    effect: text('effect').notNull(),
    text: text('text').notNull(),
    excerpt: text('excerpt'),
    ord: integer('ord').notNull(),
  },
  (t) => [index('exemptions_version_idx').on(t.versionId)],
);
