// Queries of provisions: lists with filters, and the full provision with versions, parts, penalties and exemptions.
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  caseCharges,
  exemptions,
  instruments,
  penalties,
  provisionParts,
  provisions,
  provisionVersions,
} from '../db/schema/index.js';
import type { Penalty, Provision, ProvisionSummary, Version } from '../domain/provisions.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { countWhere, groupBy, sourceRefs } from './source-refs.js';
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

/** The versions of many provisions in a fixed number of queries: provision id -> versions, oldest first. */
export async function versionsOf(
  db: Db,
  provisionIds: readonly string[],
  date?: string,
): Promise<Map<string, Version[]>> {
  if (provisionIds.length === 0) return new Map();
  const where: SQL[] = [inArray(provisionVersions.provisionId, [...provisionIds])];
  if (date)
    where.push(
      sql`${provisionVersions.validFrom} <= ${date} and (${provisionVersions.validToLatest} is null or ${provisionVersions.validToLatest} > ${date})`,
    );
  const versions = await db
    .select()
    .from(provisionVersions)
    .where(and(...where))
    .orderBy(asc(provisionVersions.ord));
  const vIds = versions.map((v) => v.id);
  if (vIds.length === 0) return new Map();
  const [parts, exs, vRefs] = await Promise.all([
    db.select().from(provisionParts).where(inArray(provisionParts.versionId, vIds)).orderBy(asc(provisionParts.ord)),
    db.select().from(exemptions).where(inArray(exemptions.versionId, vIds)).orderBy(asc(exemptions.ord)),
    sourceRefs(db, 'version', vIds),
  ]);
  const pens = parts.length
    ? await db
        .select()
        .from(penalties)
        .where(
          inArray(
            penalties.partId,
            parts.map((p) => p.id),
          ),
        )
        .orderBy(asc(penalties.ord))
    : [];
  const penRefs = await sourceRefs(
    db,
    'penalty',
    pens.map((p) => p.id),
  );
  const pensBy = groupBy(pens, (p) => p.partId);
  const partsBy = groupBy(parts, (p) => p.versionId);
  const exBy = groupBy(exs, (e) => e.versionId);
  const out = new Map<string, Version[]>();
  for (const v of versions) {
    const list = out.get(v.provisionId) ?? [];
    list.push(toVersion(v));
    out.set(v.provisionId, list);
  }
  return out;

  function toVersion(v: (typeof versions)[number]): Version {
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
      sources: vRefs.get(v.id) ?? [],
      parts: (partsBy.get(v.id) ?? []).map((p) => {
        const list = pensBy.get(p.id) ?? [];
        return {
          part: p.part,
          elements: p.elements,
          excerpt: p.excerpt,
          category: p.category as Version['parts'][number]['category'],
          conducts: p.conducts,
          penalties: list.map((x): Penalty => ({
            id: x.id,
            kind: x.kind as Penalty['kind'],
            min: x.min,
            max: x.max,
            unit: x.unit as Penalty['unit'],
            role: x.role as Penalty['role'],
            mandatory: x.mandatory,
            // Two values for the same kind and role in one part are the sources disagreeing; so is a value the data
            // marks as conflicting with the text (a dispute note).
            disputed: isDisputed(x, list),
            disputeNote: x.disputeNote,
            context: x.context,
            basis: x.basis as Penalty['basis'],
            sources: penRefs.get(x.id) ?? [],
          })),
        };
      }),
      exemptions: (exBy.get(v.id) ?? []).map((e) => ({
        id: e.id,
        conditions: e.conditions as Version['exemptions'][number]['conditions'],
        effect: e.effect as Version['exemptions'][number]['effect'],
        text: e.text,
        excerpt: e.excerpt,
      })),
    };
  }
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
