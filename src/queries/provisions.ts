// Queries of provisions: lists with filters, and the full provision with versions, parts, penalties and exemptions.
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { SourceRef } from '../domain/common.js';
import { versionsJson } from './json.js';
import {
  caseCharges,
  instruments,
  provisionParts,
  provisions,
  provisionVersions,
} from '../db/schema/index.js';
import type { Penalty, Provision, ProvisionSummary, Version } from '../domain/provisions.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { countWhere, groupBy } from './source-refs.js';
import { matchesText } from './search.js';
import { isDisputed } from '../rules/law.js';

export interface ProvisionFilter {
  country?: string | undefined;
  instrument?: string | undefined;
  conduct?: string | undefined;
  date?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
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

async function relations(db: Db, ids: string[]) {
  const [successors, caseCounts] = await Promise.all([
    ids.length
      ? db
          .select({ id: provisions.id, successorOf: provisions.successorOf })
          .from(provisions)
          .where(sql`${provisions.successorOf} && ${textArray(ids)}`)
      : Promise.resolve([]),
    ids.length
      ? db
          .select({ id: caseCharges.provisionId, n: sql<number>`count(distinct ${caseCharges.caseId})` })
          .from(caseCharges)
          .where(inArray(caseCharges.provisionId, ids))
          .groupBy(caseCharges.provisionId)
      : Promise.resolve([]),
  ]);
  const succeededBy = new Map<string, string[]>();
  for (const s of successors) for (const p of s.successorOf) succeededBy.set(p, [...(succeededBy.get(p) ?? []), s.id]);
  return { succeededBy, caseCount: new Map(caseCounts.map((c) => [c.id, Number(c.n)])) };
}

const base = {
  id: provisions.id,
  country: provisions.countryCode,
  instrumentId: provisions.instrumentId,
  instrumentTitle: instruments.title,
  article: provisions.article,
  heading: provisions.heading,
  headingOriginal: provisions.headingOriginal,
  successorOf: provisions.successorOf,
  scope: provisions.scope,
  conducts: provisions.conducts,
  addedBy: provisions.addedBy,
  repealedBy: provisions.repealedBy,
};

export async function listProvisions(
  db: Db,
  f: ProvisionFilter,
): Promise<{ total?: number | undefined; data: ProvisionSummary[]; next: string | null }> {
  const where: SQL[] = [];
  if (f.country) where.push(eq(provisions.countryCode, f.country));
  if (f.instrument) where.push(eq(provisions.instrumentId, f.instrument));
  if (f.conduct) {
    where.push(sql`(${f.conduct} = any(${provisions.conducts}) or exists (select 1 from ${provisionParts} pp
      where pp.provision_id = ${provisions.id} and ${f.conduct} = any(pp.conducts)))`);
  }
  if (f.date) where.push(inForceOn(f.date));
  if (f.q) where.push(matchesText('provision', sql`${provisions.id}`, f.q));
  const total = f.count ? await countWhere(db, provisions, where) : undefined;
  const after = decodeCursor(f.cursor, ['id']);
  if (after) where.push(gt(provisions.id, after[0]!));
  const rows = await db
    .select(base)
    .from(provisions)
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .where(and(...where))
    .orderBy(asc(provisions.id))
    .limit(f.limit + 1);
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  const ids = page.data.map((r) => r.id);
  const [rel, versions, parts] = await Promise.all([
    relations(db, ids),
    ids.length
      ? db
          .select()
          .from(provisionVersions)
          .where(inArray(provisionVersions.provisionId, ids))
          .orderBy(asc(provisionVersions.ord))
      : Promise.resolve([]),
    ids.length
      ? db
          .select({ provisionId: provisionParts.provisionId, conducts: provisionParts.conducts })
          .from(provisionParts)
          .where(inArray(provisionParts.provisionId, ids))
      : Promise.resolve([]),
  ]);
  const versionsBy = groupBy(versions, (v) => v.provisionId);
  const partsBy = groupBy(parts, (p) => p.provisionId);
  return {
    next: page.next,
    total,
    data: page.data.map((r) => {
      const vs = versionsBy.get(r.id) ?? [];
      return {
        ...summaryBase(r, rel.succeededBy),
        conducts: [...new Set([...r.conducts, ...(partsBy.get(r.id) ?? []).flatMap((p) => p.conducts)])].sort(),
        validFrom: vs[0]?.validFromText ?? null,
        validTo: vs.length ? (vs[vs.length - 1]!.validToText ?? null) : null,
        caseCount: rel.caseCount.get(r.id) ?? 0,
      };
    }),
  };
}

function summaryBase(
  r: { [K in keyof typeof base]: unknown } & Record<string, unknown>,
  succeededBy: Map<string, string[]>,
) {
  const id = r.id as string;
  return {
    id,
    country: r.country as ProvisionSummary['country'],
    instrument: { id: r.instrumentId as string, title: r.instrumentTitle as string },
    article: r.article as string,
    heading: r.heading as string,
    headingOriginal: r.headingOriginal as string | null,
    successorOf: r.successorOf as string[],
    succeededBy: succeededBy.get(id) ?? [],
    scope: r.scope as ProvisionSummary['scope'],
    addedBy: r.addedBy as string | null,
    repealedBy: r.repealedBy as string | null,
  };
}

/** The versions of one provision, oldest first, optionally only the one in force on `date`. */
export async function provisionVersionsOf(db: Db, provisionId: string, date?: string): Promise<Version[]> {
  return (await versionsOf(db, [provisionId], date)).get(provisionId) ?? [];
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
      penalties: p.penalties.map(
        (x): Penalty => ({
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
        }),
      ),
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
  const [row] = await db
    .select(base)
    .from(provisions)
    .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
    .where(eq(provisions.id, id));
  if (!row) return undefined;
  const [rel, versions] = await Promise.all([relations(db, [id]), provisionVersionsOf(db, id)]);
  const conducts = [...new Set([...row.conducts, ...versions.flatMap((v) => v.parts.flatMap((p) => p.conducts))])];
  return {
    ...summaryBase(row, rel.succeededBy),
    conducts: conducts.sort(),
    caseCount: rel.caseCount.get(id) ?? 0,
    versions,
  };
}
