// Queries of provisions: lists with filters, and the full provision with versions, parts, penalties and exemptions.
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { SourceRef } from '../domain/common.js';
import { orEmpty, versionsJson } from '../db/json.js';
import { provisionParts, provisions, provisionVersions } from '../db/schema/index.js';
import type { Penalty, Provision, ProvisionSummary, Version } from '../domain/provisions.js';
import { pageRows, type KeyKind, type PageKey } from '../domain/paging.js';
import { failOnUnknown, firstUnknownSql, type KnownKind } from './known.js';
import { matchesText } from './search.js';
import { isDisputed } from '../rules/law.js';

export interface ProvisionFilter {
  country?: string | undefined;
  instrument?: string | undefined;
  conduct?: string | undefined;
  date?: string | undefined;
  q?: string | undefined;
  limit: number;
  after?: readonly string[] | undefined;
  count?: boolean | undefined;
}

/** A text[] literal of bound parameters (arrays are not bound the same way by every driver). */
export function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** The SQL condition "a version of the provision is (or, inside an uncertain boundary, may be) in force on date";
 * the same rule as inForceOn in rules/law.ts. */
export function inForceOn(date: string): SQL {
  return sql`exists (select 1 from ${provisionVersions} v where v.provision_id = ${provisions.id}
    and v.valid_from <= ${date} and (v.valid_to_latest is null or v.valid_to_latest > ${date}))`;
}

/** A provision of the provisions row `p` (with its instruments row `i`) as SummaryJson: what a summary and a full
 * provision share, with what succeeded it, its case count, its first and last boundaries and its parts' conducts. */
function provisionJson(p: string, i: string): SQL {
  const P = sql.raw(p);
  const I = sql.raw(i);
  return sql`json_build_object('id', ${P}.id, 'country', ${P}.country_code, 'instrumentId', ${P}.instrument_id,
    'instrumentTitle', ${I}.title, 'article', ${P}.article, 'heading', ${P}.heading,
    'headingOriginal', ${P}.heading_original, 'successorOf', ${P}.successor_of, 'scope', ${P}.scope,
    'conducts', ${P}.conducts, 'addedBy', ${P}.added_by, 'repealedBy', ${P}.repealed_by,
    'succeededBy', ${orEmpty(sql`select json_agg(j_sp.id order by j_sp.id) from provisions j_sp where j_sp.successor_of @> array[${P}.id]`)},
    'caseCount', (select count(distinct j_cc.case_id)::int from case_charges j_cc where j_cc.provision_id = ${P}.id),
    'partConducts', ${orEmpty(sql`select json_agg(j_c.c) from provision_parts j_pp, unnest(j_pp.conducts) as j_c(c)
      where j_pp.provision_id = ${P}.id`)},
    'validFrom', (select j_v.valid_from_text from provision_versions j_v where j_v.provision_id = ${P}.id
      order by j_v.ord limit 1),
    'validTo', (select j_v.valid_to_text from provision_versions j_v where j_v.provision_id = ${P}.id
      order by j_v.ord desc limit 1))`;
}

interface SummaryJson {
  id: string;
  country: string;
  instrumentId: string;
  instrumentTitle: string;
  article: string;
  heading: string;
  headingOriginal: string | null;
  successorOf: string[];
  scope: string;
  conducts: string[];
  addedBy: string | null;
  repealedBy: string | null;
  succeededBy: string[];
  caseCount: number;
  partConducts: string[];
  validFrom: string | null;
  validTo: string | null;
}

/** The sort key of the provisions list: the id. */
export const PROVISIONS_KEY: readonly KeyKind[] = ['id'];

/** A page of provisions (and the total when asked) in one statement, with the check of the conduct and instrument
 * filters; a filter naming nothing is a 400 naming it. */
export async function listProvisions(
  db: Db,
  f: ProvisionFilter,
): Promise<{ total?: number | undefined; data: ProvisionSummary[]; nextKey: PageKey | null }> {
  const known = { conduct: f.conduct, instrument: f.instrument };
  const after = f.after;
  const where: SQL[] = [];
  if (f.country) where.push(eq(provisions.countryCode, f.country));
  if (f.instrument) where.push(eq(provisions.instrumentId, f.instrument));
  if (f.conduct) {
    where.push(sql`(${f.conduct} = any(${provisions.conducts}) or exists (select 1 from ${provisionParts} pp
      where pp.provision_id = ${provisions.id} and ${f.conduct} = any(pp.conducts)))`);
  }
  if (f.date) where.push(inForceOn(f.date));
  if (f.q) where.push(matchesText('provision', sql`${provisions.id}`, f.q));
  const counted = and(...where) ?? sql`true`;
  if (after) where.push(gt(provisions.id, after[0]!));
  const [row] = await queryRows<{
    unknown: { kind: KnownKind; id: string } | null;
    total: number | null;
    data: SummaryJson[];
  }>(
    db,
    sql`select ${firstUnknownSql(known)} as unknown,
      ${f.count ? sql`(select count(*)::int from provisions where ${counted})` : sql`null::int`} as total,
      ${orEmpty(sql`select json_agg(${provisionJson('j_p', 'j_i')} order by j_p.id)
        from (select * from provisions where ${and(...where) ?? sql`true`} order by provisions.id limit ${f.limit + 1}) j_p
        join instruments j_i on j_i.id = j_p.instrument_id`)} as data`,
  );
  await failOnUnknown(db, row!.unknown);
  const page = pageRows(row!.data, f.limit, (r) => [r.id]);
  return {
    nextKey: page.nextKey,
    total: f.count ? (row!.total ?? 0) : undefined,
    data: page.data.map((r) => ({
      ...summaryBase(r),
      conducts: [...new Set([...r.conducts, ...r.partConducts])].sort(),
      validFrom: r.validFrom,
      validTo: r.validTo,
      caseCount: r.caseCount,
    })),
  };
}

function summaryBase(r: SummaryJson) {
  return {
    id: r.id,
    country: r.country as ProvisionSummary['country'],
    instrument: { id: r.instrumentId, title: r.instrumentTitle },
    article: r.article,
    heading: r.heading,
    headingOriginal: r.headingOriginal,
    successorOf: r.successorOf,
    succeededBy: r.succeededBy,
    scope: r.scope as ProvisionSummary['scope'],
    addedBy: r.addedBy,
    repealedBy: r.repealedBy,
  };
}

/** The versions of one provision (only those in force on `date` when given), or undefined when there is no such
 * provision: one statement. */
export async function versionsOfProvision(db: Db, provisionId: string, date?: string): Promise<Version[] | undefined> {
  const [row] = await queryRows<{ versions: VersionJson[] }>(
    db,
    sql`select ${versionsJson(sql`p.id`, date)} as versions from provisions p where p.id = ${provisionId}`,
  );
  return row?.versions.map(toVersion);
}

/** A version as versionsJson (json.ts) builds it. */
export interface VersionJson {
  id: string;
  provisionId: string;
  validFrom: string;
  validFromLatest: string;
  validTo: string | null;
  validToLatest: string | null;
  validFromText: string;
  validToText: string | null;
  amendedBy: string | null;
  basis: string;
  textUnknown: string | null;
  note: string | null;
  sources: SourceRef[];
  parts: {
    part: string;
    elements: string;
    excerpt: string | null;
    category: string | null;
    conducts: string[];
    penalties: {
      id: string;
      kind: string;
      min: number | null;
      max: number | null;
      unit: string | null;
      role: string;
      mandatory: boolean | null;
      disputeNote: string | null;
      context: string | null;
      basis: string | null;
      sources: SourceRef[];
    }[];
  }[];
  exemptions: { id: string; conditions: string[]; effect: string; text: string; excerpt: string | null }[];
}

/** The versions of many provisions in one statement: provision id -> versions, oldest first. */
export async function versionsOf(
  db: Db,
  provisionIds: readonly string[],
  date?: string,
): Promise<Map<string, Version[]>> {
  if (provisionIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; versions: VersionJson[] }>(
    db,
    sql`select ids.id, ${versionsJson(sql`ids.id`, date)} as versions from unnest(${textArray([...provisionIds])}) as ids(id)`,
  );
  const out = new Map<string, Version[]>();
  for (const r of rows) if (r.versions.length) out.set(r.id, r.versions.map(toVersion));
  return out;
}

/** The domain Version of a version built in SQL. */
export function toVersion(v: VersionJson): Version {
  return {
    id: v.id,
    validFrom: v.validFromText,
    validTo: v.validToText,
    from: { earliest: v.validFrom, latest: v.validFromLatest },
    to: v.validTo === null || v.validToLatest === null ? null : { earliest: v.validTo, latest: v.validToLatest },
    amendedBy: v.amendedBy,
    basis: v.basis as Version['basis'],
    textKnown: v.textUnknown === null,
    textUnknown: v.textUnknown,
    note: v.note,
    sources: v.sources,
    parts: v.parts.map((p) => ({
      part: p.part,
      elements: p.elements,
      excerpt: p.excerpt,
      category: p.category as Version['parts'][number]['category'],
      conducts: p.conducts,
      penalties: p.penalties.map((x): Penalty => ({
        id: x.id,
        kind: x.kind as Penalty['kind'],
        min: x.min,
        max: x.max,
        unit: x.unit as Penalty['unit'],
        role: x.role as Penalty['role'],
        mandatory: x.mandatory,
        // Two values for the same kind and role in one part are the sources disagreeing; so is a value the data
        // marks as conflicting with the text (a dispute note).
        disputed: isDisputed(x, p.penalties),
        disputeNote: x.disputeNote,
        context: x.context,
        basis: x.basis as Penalty['basis'],
        sources: x.sources,
      })),
    })),
    exemptions: v.exemptions.map((e) => ({
      id: e.id,
      conditions: e.conditions as Version['exemptions'][number]['conditions'],
      effect: e.effect as Version['exemptions'][number]['effect'],
      text: e.text,
      excerpt: e.excerpt,
    })),
  };
}

export async function getProvision(db: Db, id: string): Promise<Provision | undefined> {
  const [row] = await queryRows<{ provision: SummaryJson; versions: VersionJson[] }>(
    db,
    sql`select ${provisionJson('p', 'i')} as provision, ${versionsJson(sql`p.id`)} as versions
      from provisions p join instruments i on i.id = p.instrument_id where p.id = ${id}`,
  );
  if (!row) return undefined;
  const versions = row.versions.map(toVersion);
  const r = row.provision;
  const conducts = [...new Set([...r.conducts, ...versions.flatMap((v) => v.parts.flatMap((p) => p.conducts))])];
  return { ...summaryBase(r), conducts: conducts.sort(), caseCount: r.caseCount, versions };
}
