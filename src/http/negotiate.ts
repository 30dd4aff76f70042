// Content negotiation over the Accept header: whether a route can answer, and which of its types is preferred.

interface Range {
  type: string;
  q: number;
  order: number;
}

function ranges(header: string): Range[] {
  return header.split(',').map((part, order) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const n = q ? Number(q.slice(2)) : 1;
    return { type: range.trim(), q: Number.isFinite(n) ? n : 0, order };
  });
}

/** The quality the header gives a media type: its most specific matching range wins (RFC 9110, 12.5.1). */
function quality(rs: Range[], type: string): { q: number; order: number } {
  const [major] = type.split('/');
  const exact = rs.find((r) => r.type === type);
  const partial = rs.find((r) => r.type === `${major}/*`);
  const any = rs.find((r) => r.type === '*/*');
  const r = exact ?? partial ?? any;
  return r ? { q: r.q, order: r.order } : { q: 0, order: Infinity };
}

export function accepts(header: string | undefined, produces: readonly string[]): boolean {
  if (!header || header.trim() === '') return true;
  const rs = ranges(header);
  return produces.some((t) => quality(rs, t).q > 0);
}

/** The type of `produces` the client prefers (highest q, then earliest in the header, then first in produces). */
export function preferred(header: string | undefined, produces: readonly string[]): string {
  if (!header || header.trim() === '') return produces[0]!;
  const rs = ranges(header);
  let best = produces[0]!;
  let bestQ = { q: -1, order: Infinity };
  for (const t of produces) {
    const q = quality(rs, t);
    if (q.q > bestQ.q || (q.q === bestQ.q && q.order < bestQ.order)) ((best = t), (bestQ = q));
  }
  return best;
}
