// The law: instruments, provisions, their versions in force over time, parts, penalties and exemptions.
import { date, index, integer, json, numeric, pgTable, text, boolean } from 'drizzle-orm/pg-core';
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
    signed: text('signed'),
    published: text('published'),
    // Boundaries as written ("2015-01-01", or "A/B" when the day is known only to lie within an interval).
    inForceFrom: text('in_force_from'),
    inForceTo: text('in_force_to'),
    datesNote: text('dates_note'),
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
    scope: text('scope').notNull().default('core'),
    conducts: text('conducts').array().notNull().default([]),
    addedBy: text('added_by').references(() => instruments.id),
    repealedBy: text('repealed_by').references(() => instruments.id),
  },
  (t) => [index('provisions_country_idx').on(t.countryCode), index('provisions_instrument_idx').on(t.instrumentId)],
);

// id is `<provision>@<version id>`, the version id fixed in data/ when first recorded. valid_from..valid_from_latest
// are the days the text may have taken effect (one day when exact); valid_to..valid_to_latest the days it may have
// ceased (exclusive), null while in force. The text columns keep the boundary as written ("2021", "A/B").
export const provisionVersions = pgTable(
  'provision_versions',
  {
    id: text('id').primaryKey(),
    provisionId: text('provision_id')
      .notNull()
      .references(() => provisions.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validFromLatest: date('valid_from_latest', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    validToLatest: date('valid_to_latest', { mode: 'string' }),
    validFromText: text('valid_from_text').notNull(),
    validToText: text('valid_to_text'),
    amendedBy: text('amended_by').references(() => instruments.id),
    basis: text('basis').notNull(),
    textUnknown: text('text_unknown'),
    note: text('note'),
    ord: integer('ord').notNull(),
    // The version as answers give it, with parts, penalties, exemptions and sources, written by the import
    // (writeVersionDocs in src/db/json.ts): not from data/.
    doc: json('doc'),
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

// id is `<part>#<penalty id>` (p1, p2, ... fixed in data/).
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
    context: text('context'),
    basis: text('basis'),
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
