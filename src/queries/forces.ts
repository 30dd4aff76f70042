// Queries of the forces registry with designations and conflicts.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cases, conflicts, forceDesignations, forces } from '../db/schema/index.js';
import type { Designation, Force } from '../domain/forces.js';
import { groupBy, sourceRefs } from './source-refs.js';

export async function listForces(db: Db, id?: string): Promise<Force[]> {
  const rows = await db
    .select()
    .from(forces)
    .where(id ? eq(forces.id, id) : sql`true`)
    .orderBy(asc(forces.id));
  const [allConflicts, designations, caseCounts, refs] = await Promise.all([
    db.select().from(conflicts),
    db.select().from(forceDesignations).orderBy(asc(forceDesignations.forceId), asc(forceDesignations.ord)),
    db.select({ id: cases.forceId, n: count() }).from(cases).groupBy(cases.forceId),
    sourceRefs(
      db,
      'force',
      rows.map((r) => r.id),
    ),
  ]);
  const designationRefs = await sourceRefs(
    db,
    'designation',
    designations.map((d) => d.id),
  );
  const conflictName = new Map(allConflicts.map((c) => [c.id, c.name]));
  const nCases = new Map(caseCounts.map((c) => [c.id, Number(c.n)]));
  const designationsBy = groupBy(designations, (d) => d.forceId);
  return rows.map((f) => ({
    id: f.id,
    name: f.name,
    kind: f.kind as Force['kind'],
    state: f.state,
    side: f.side as Force['side'],
    conflicts: f.conflicts.map((c) => ({ id: c, name: conflictName.get(c) ?? c })),
    designations: (designationsBy.get(f.id) ?? []).map((d) => ({
      country: d.countryCode as Designation['country'],
      status: d.status as Designation['status'],
      from: d.fromText,
      to: d.toText,
      act: d.act,
      basis: d.basis as Designation['basis'],
      sources: designationRefs.get(d.id) ?? [],
    })),
    caseCount: nCases.get(f.id) ?? 0,
    sources: refs.get(f.id) ?? [],
  }));
}

export async function getForce(db: Db, id: string): Promise<Force | undefined> {
  const [row] = await listForces(db, id);
  return row;
}
