// Queries of cases: filtered, keyset-paginated lists and single cases, with charges, sentences, events and sources.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  caseCharges,
  caseEvents,
  cases,
  caseSentences,
  conflicts,
  forces,
  instruments,
  provisions,
} from '../db/schema/index.js';
import type { Case, CaseQuery } from '../domain/cases.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { endOf, startOf } from '../data/check.js';
import { textArray } from './provisions.js';
import { matchesText } from './search.js';
import { queryWords } from '../text/fold.js';
import { countWhere, groupBy, sourceRefs, sourceRefsById } from './source-refs.js';

export type CaseFilter = Omit<CaseQuery, 'limit' | 'sort' | 'cursor' | 'format' | 'fields' | 'count' | 'provision'> & {
  /** The provision ids the provision filter resolved to (see resolveProvisionFilter). */
  provisions?: string[] | undefined;
};

/** Every word of `value`, folded, must match the folded column (trigram word similarity, so prefixes and typos). */
function namesMatch(column: SQL, value: string): SQL {
  const words = queryWords(value);
  if (words.length === 0) return sql`false`;
  return sql.join(
    words.map((w) => (w.length >= 3 ? sql`${w} <% ${column}` : sql`${column} ~ ${`(^| )${w}`}`)),
    sql` and `,
  );
}

/** The WHERE conditions of a case filter, shared by lists and statistics. */
export function caseConditions(f: CaseFilter): SQL[] {
  const where: SQL[] = [];
  if (f.country) where.push(eq(cases.countryCode, f.country));
  if (f.outcome) where.push(eq(cases.outcome, f.outcome));
  if (f.force) where.push(eq(cases.forceId, f.force));
  if (f.side) where.push(eq(cases.side, f.side));
  if (f.dateKind) where.push(eq(cases.dateKind, f.dateKind));
  if (f.conduct) where.push(sql`${cases.conducts} @> array[${f.conduct}]::text[]`);
  if (f.provisions) {
    where.push(
      sql`exists (select 1 from ${caseCharges} cc where cc.case_id = ${cases.id} and cc.provision_id = any(${textArray(f.provisions)}))`,
    );
  }
  if (f.defendant) where.push(namesMatch(sql`${cases.defendantFolded}`, f.defendant));
  if (f.court) where.push(namesMatch(sql`${cases.courtFolded}`, f.court));
  if (f.place) where.push(namesMatch(sql`${cases.placeFolded}`, f.place));
  if (f.judge) where.push(namesMatch(sql`${cases.judgeFolded}`, f.judge));
  if (f.sentenceKind || f.sentenceMinYears !== undefined || f.sentenceMaxYears !== undefined) {
    where.push(sql`exists (select 1 from ${caseSentences} s where s.case_id = ${cases.id}
      ${f.sentenceKind ? sql`and s.kind = ${f.sentenceKind}` : sql``}
      ${f.sentenceMinYears !== undefined ? sql`and s.total_months >= ${f.sentenceMinYears * 12}` : sql``}
      ${f.sentenceMaxYears !== undefined ? sql`and s.total_months <= ${f.sentenceMaxYears * 12}` : sql``})`);
  }
  if (f.q) where.push(matchesText('case', sql`${cases.id}`, f.q));
  if (f.decidedFrom) where.push(sql`${cases.decidedDate} >= ${startOf(f.decidedFrom)}`);
  if (f.decidedTo) where.push(sql`${cases.decidedDate} <= ${endOf(f.decidedTo)}`);
  return where;
}

export async function listCases(
  db: Db,
  q: CaseQuery & { provisions?: string[] | undefined },
): Promise<{ data: Case[]; next: string | null; total?: number | undefined }> {
  const where = caseConditions(q);
  const total = q.count ? await countWhere(db, cases, where) : undefined;
  const after = decodeCursor(q.cursor, ['date', 'id']);
  const newestFirst = q.sort === '-decided';
  if (after) {
    where.push(
      newestFirst
        ? sql`(${cases.decidedDate}, ${cases.id}) < (${after[0]}::date, ${after[1]})`
        : sql`(${cases.decidedDate}, ${cases.id}) > (${after[0]}::date, ${after[1]})`,
    );
  }
  const order = newestFirst ? [desc(cases.decidedDate), desc(cases.id)] : [asc(cases.decidedDate), asc(cases.id)];
  const rows = await db
    .select()
    .from(cases)
    .where(and(...where))
    .orderBy(...order)
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.decidedDate, r.id]);
  return { data: await hydrate(db, page.data), next: page.next, total };
}

export async function getCase(db: Db, id: string): Promise<Case | undefined> {
  const rows = await db.select().from(cases).where(eq(cases.id, id));
  const [one] = await hydrate(db, rows);
  return one;
}

/** Loads the children of a page of cases with one query per child table, never one per case. */
async function hydrate(db: Db, rows: (typeof cases.$inferSelect)[]): Promise<Case[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [charges, sentences, events, names, refs] = await Promise.all([
    db
      .select({
        caseId: caseCharges.caseId,
        id: caseCharges.id,
        provisionId: caseCharges.provisionId,
        article: provisions.article,
        heading: provisions.heading,
        instrumentId: provisions.instrumentId,
        instrumentTitle: instruments.title,
        part: caseCharges.part,
        scope: provisions.scope,
        note: caseCharges.note,
      })
      .from(caseCharges)
      .innerJoin(provisions, eq(provisions.id, caseCharges.provisionId))
      .innerJoin(instruments, eq(instruments.id, provisions.instrumentId))
      .where(inArray(caseCharges.caseId, ids))
      .orderBy(asc(caseCharges.caseId), asc(caseCharges.ord)),
    db.select().from(caseSentences).where(inArray(caseSentences.caseId, ids)).orderBy(asc(caseSentences.ord)),
    db.select().from(caseEvents).where(inArray(caseEvents.caseId, ids)).orderBy(asc(caseEvents.ord)),
    // Only the forces and conflicts this page names, not the whole registry.
    db
      .select({ id: forces.id, name: forces.name, kind: sql<string>`'force'` })
      .from(forces)
      .where(sql`${forces.id} = any(${textArray(rows.flatMap((r) => (r.forceId ? [r.forceId] : [])))})`)
      .unionAll(
        db
          .select({ id: conflicts.id, name: conflicts.name, kind: sql<string>`'conflict'` })
          .from(conflicts)
          .where(sql`${conflicts.id} = any(${textArray(rows.flatMap((r) => (r.conflictId ? [r.conflictId] : [])))})`),
      ),
    sourceRefs(db, 'case', ids),
  ]);
  const eventRefs = await sourceRefs(
    db,
    'event',
    events.map((e) => e.id),
  );
  const disputeSourceIds = [...new Set(rows.flatMap((r) => r.disputes.flatMap((d) => d.sources)))];
  const disputeRefs = await sourceRefsById(db, disputeSourceIds);
  const chargesBy = groupBy(charges, (c) => c.caseId);
  const sentencesBy = groupBy(sentences, (s) => s.caseId);
  const eventsBy = groupBy(events, (e) => e.caseId);
  const name = new Map(names.map((n) => [`${n.kind}:${n.id}`, n.name]));
  return rows.map((r) => ({
    id: r.id,
    country: r.countryCode as Case['country'],
    court: { name: r.courtName, level: r.courtLevel as Case['court']['level'], place: r.courtPlace },
    decided: {
      date: r.decided,
      precision: r.decidedPrecision as Case['decided']['precision'],
      kind: r.dateKind as Case['decided']['kind'],
      note: r.dateNote,
      reported: r.reportedOn,
      sentenceStart: r.sentenceStart,
    },
    judge: r.judge,
    defendant: {
      name: r.defendantName,
      age: r.defendantAge,
      sex: r.defendantSex as Case['defendant']['sex'],
      citizenships: r.citizenships,
    },
    charges: (chargesBy.get(r.id) ?? []).map((c) => ({
      id: c.id,
      provision: {
        id: c.provisionId,
        article: c.article,
        heading: c.heading,
        instrument: { id: c.instrumentId, title: c.instrumentTitle },
      },
      part: c.part,
      scope: c.scope as Case['charges'][number]['scope'],
      note: c.note,
    })),
    conducts: r.conducts,
    side: r.side as Case['side'],
    force: r.forceId ? { id: r.forceId, name: name.get(`force:${r.forceId}`) ?? r.forceId } : null,
    conflict: r.conflictId ? { id: r.conflictId, name: name.get(`conflict:${r.conflictId}`) ?? r.conflictId } : null,
    outcome: r.outcome as Case['outcome'],
    sentences: (sentencesBy.get(r.id) ?? []).map((s) => ({
      kind: s.kind as Case['sentences'][number]['kind'],
      years: s.years,
      months: s.months,
      days: s.days,
      totalMonths: s.totalMonths,
      amount: s.amount,
      unit: s.unit,
      regime: s.regime,
      suspended: s.suspended,
      probationMonths: s.probationMonths,
    })),
    appeal:
      r.appealStatus || r.appealNote
        ? { status: r.appealStatus as NonNullable<Case['appeal']>['status'], note: r.appealNote }
        : null,
    events: (eventsBy.get(r.id) ?? []).map((e) => ({
      date: e.date,
      kind: e.kind as Case['events'][number]['kind'],
      note: e.note,
      sources: eventRefs.get(e.id) ?? [],
    })),
    disputes: r.disputes.map((d) => ({
      field: d.field,
      note: d.note,
      sources: d.sources.flatMap((s) => disputeRefs.get(s) ?? []),
    })),
    summary: r.summary,
    basis: r.basis as Case['basis'],
    sources: refs.get(r.id) ?? [],
  }));
}
