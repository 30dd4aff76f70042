// Content negotiation over the Accept header (negotiator, as in express and @fastify/accepts): whether a route can
// answer, and which of its types is preferred.
import Negotiator from 'negotiator';

/** The types of `produces` the header accepts, best first (q, then specificity, then order). */
function acceptable(header: string | undefined, produces: readonly string[]): readonly string[] {
  if (!header || header.trim() === '') return produces;
  // Every request is negotiated twice (406 or not, then the representation for the ETag), and clients send a few
  // Accept headers over and over: the answers for recent ones are remembered. Bounded; emptied when full.
  // Only short headers are kept, so the memory this takes stays small whatever clients send.
  if (header.length > 200) return new Negotiator({ headers: { accept: header } }).mediaTypes([...produces]);
  const key = `${header}\n${produces.join(',')}`;
  let types = recent.get(key);
  if (!types) {
    types = new Negotiator({ headers: { accept: header } }).mediaTypes([...produces]);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(key, types);
  }
  return types;
}

const RECENT_MAX = 1000;
const recent = new Map<string, string[]>();

export function accepts(header: string | undefined, produces: readonly string[]): boolean {
  return acceptable(header, produces).length > 0;
}

/** The type of `produces` the client prefers; the route's first type when none is acceptable (the route then
 * answers 406 elsewhere) or the header is empty. */
export function preferred(header: string | undefined, produces: readonly string[]): string {
  return acceptable(header, produces)[0] ?? produces[0]!;
}
