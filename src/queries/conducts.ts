// Queries of the conduct taxonomy, with how many provisions and cases use each code.
import { asc, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { conducts } from '../db/schema/index.js';

export async function listConducts(db: Db) {
  const [rows, usage] = await Promise.all([
    db.select().from(conducts).orderBy(asc(conducts.ord)),
    queryRows<{ code: string; provisions: number; cases: number }>(
      db,
      sql`
      select c.code,
        (select count(distinct p.provision_id) from provision_parts p where c.code = any(p.conducts))::int as provisions,
        (select count(*) from cases k where c.code = any(k.conducts))::int as cases
      from conducts c`,
    ),
  ]);
  const by = new Map(usage.map((u) => [u.code, u]));
  return rows.map((c) => ({
    code: c.code,
    label: c.label,
    description: c.description,
    provisionCount: Number(by.get(c.code)?.provisions ?? 0),
    caseCount: Number(by.get(c.code)?.cases ?? 0),
  }));
}
