// Partial dates ("2024", "2024-06", "2024-06-24") and in-force boundaries ("A/B": some day between A and B): the one
// place that turns them into days.

/** First day of a partial date ("2024" -> "2024-01-01"). */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Last day of a partial date ("2024-02" -> "2024-02-29"). */
export function endOf(d: string): string {
  if (d.length === 10) return d;
  const [y, m] = d.split('-').map(Number) as [number, number | undefined];
  const last = m === undefined ? new Date(Date.UTC(y, 12, 0)) : new Date(Date.UTC(y, m, 0));
  return last.toISOString().slice(0, 10);
}

export function precisionOf(d: string): 'year' | 'month' | 'day' {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

/** The days a boundary may fall on: "2021" -> 2021-01-01..2021-12-31; "2021-10-28/2021-12" -> 2021-10-28..2021-12-31. */
export interface Bounds {
  earliest: string;
  latest: string;
}

export function boundsOf(boundary: string): Bounds {
  const [a, b = a] = boundary.split('/') as [string, string?];
  return { earliest: startOf(a), latest: endOf(b!) };
}

/** True when the boundary names one day. */
export function isExact(boundary: string): boolean {
  const { earliest, latest } = boundsOf(boundary);
  return earliest === latest;
}

/** True when y-m-d names a day of the calendar (rejects 2024-02-30). */
export function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
