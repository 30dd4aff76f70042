// Statistics read from the groups the import keeps (case_rollup) against the same statistics read from the cases, on
// every dimension and every pair of dimensions, under filters the groups can answer: the two must be equal, whole.
// Used on the richer fixture (test/routes/richer/stats.ts) and on the real data/ (test/data/answers/cases.ts).
import type { Db } from '../src/db/client.js';
import { GROUP_KEYS } from '../src/domain/stats.js';
import { caseStats, rollupCan } from '../src/queries/stats.js';

type Filter = Parameters<typeof caseStats>[2];

/** Every single dimension and every pair. */
export const GROUPINGS: (typeof GROUP_KEYS)[number][][] = [
  ...GROUP_KEYS.map((k) => [k]),
  ...GROUP_KEYS.flatMap((a, i) => GROUP_KEYS.slice(i + 1).map((b) => [a, b])),
];

/** The answers (or the error each gave) both ways, for every grouping under each filter; with how many groups had
 * a known length, so a caller can tell that the comparison was not of empty answers. */
export async function statsBothWays(
  db: Db,
  filters: Filter[],
): Promise<{
  compared: number;
  withLengths: number;
  unequal: { filter: Filter; groupBy: string[] }[];
  notRollup: Filter[];
}> {
  const answer = (groupBy: (typeof GROUP_KEYS)[number][], filter: Filter, via: 'cases' | 'rollup') =>
    caseStats(db, groupBy, filter, { via }).then(
      (r) => JSON.stringify({ rows: r.rows, revision: r.revision }),
      (e: Error) => `error: ${e.message}`,
    );
  const unequal: { filter: Filter; groupBy: string[] }[] = [];
  let compared = 0;
  let withLengths = 0;
  for (const filter of filters) {
    for (const groupBy of GROUPINGS) {
      const [cases, rollup] = [await answer(groupBy, filter, 'cases'), await answer(groupBy, filter, 'rollup')];
      compared += 1;
      if (cases !== rollup) unequal.push({ filter, groupBy });
      if (!cases.startsWith('error')) {
        const rows = (JSON.parse(cases) as { rows: { imprisonment: { count: number } }[] }).rows;
        withLengths += rows.filter((r) => r.imprisonment.count > 0).length;
      }
    }
  }
  return { compared, withLengths, unequal, notRollup: filters.filter((f) => !rollupCan(f)) };
}
