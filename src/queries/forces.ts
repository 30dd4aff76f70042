// Queries of the forces registry with designations and conflicts: one statement.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { SourceRef } from '../domain/common.js';
import type { Designation, Force } from '../domain/forces.js';
import { orEmpty, sourcesJson } from '../db/json.js';

/** The designations of the force `forceId` as DesignationJson, in the data's order. */
export function designationsJson(forceId: SQL): SQL {
  return orEmpty(sql`select json_agg(json_build_object('country', j_d.country_code, 'status', j_d.status,
      'from', j_d.from_text, 'to', j_d.to_text, 'act', j_d.act, 'basis', j_d.basis,
      'sources', ${sourcesJson('designation', sql.raw('j_d.id'))}) order by j_d.ord)
    from force_designations j_d where j_d.force_id = ${forceId}`);
}

export interface DesignationJson {
  country: string;
  status: string;
  from: string | null;
  to: string | null;
  act: string | null;
  basis: string;
  sources: SourceRef[];
}

export const toDesignation = (d: DesignationJson): Designation => ({
  country: d.country as Designation['country'],
  status: d.status as Designation['status'],
  from: d.from,
  to: d.to,
  act: d.act,
  basis: d.basis as Designation['basis'],
  sources: d.sources,
});

interface ForceRow {
  id: string;
  name: string;
  kind: string;
  state: string | null;
  side: string;
  conflicts: { id: string; name: string }[];
  designations: DesignationJson[];
  case_count: number;
  sources: SourceRef[];
}

export async function listForces(db: Db, id?: string): Promise<Force[]> {
  const rows = await queryRows<ForceRow>(
    db,
    sql`select f.id, f.name, f.kind, f.state, f.side,
        ${orEmpty(sql`select json_agg(json_build_object('id', c.id, 'name', coalesce(k.name, c.id)) order by c.n)
          from unnest(f.conflicts) with ordinality c(id, n) left join conflicts k on k.id = c.id`)} as conflicts,
        ${designationsJson(sql`f.id`)} as designations,
        coalesce(n.cases, 0)::int as case_count,
        ${sourcesJson('force', sql`f.id`)} as sources
      from forces f left join (select force_id, count(*) as cases from cases group by force_id) n on n.force_id = f.id
      ${id ? sql`where f.id = ${id}` : sql``}
      order by f.id`,
  );
  return rows.map((f) => ({
    id: f.id,
    name: f.name,
    kind: f.kind as Force['kind'],
    state: f.state,
    side: f.side as Force['side'],
    conflicts: f.conflicts,
    designations: f.designations.map(toDesignation),
    caseCount: f.case_count,
    sources: f.sources,
  }));
}

export async function getForce(db: Db, id: string): Promise<Force | undefined> {
  const [row] = await listForces(db, id);
  return row;
}
