// Queries of the conduct taxonomy, with how many provisions and cases use each code: one statement.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';

export async function listConducts(db: Db) {
  const rows = await queryRows<{
    code: string;
    label: string;
    description: string;
    provisions: number;
    cases: number;
  }>(
    db,
    sql`select c.code, c.label, c.description,
        (select count(distinct p.provision_id) from provision_parts p where c.code = any(p.conducts))::int as provisions,
        (select count(*) from cases k where k.conducts @> array[c.code])::int as cases
      from conducts c order by c.ord`,
  );
  return rows.map((c) => ({
    code: c.code,
    label: c.label,
    description: c.description,
    provisionCount: c.provisions,
    caseCount: c.cases,
  }));
}
