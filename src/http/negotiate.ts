// Content negotiation over the Accept header (negotiator, as in express and @fastify/accepts): whether a route can
// answer, and which of its types is preferred.
import Negotiator from 'negotiator';

/** The types of `produces` the header accepts, best first (q, then specificity, then order). */
function acceptable(header: string | undefined, produces: readonly string[]): readonly string[] {
  if (!header || header.trim() === '') return produces;
  // Every request is negotiated twice (406 or not, then the representation for the ETag), and clients send a few
  // Accept headers over and over: the answers for recent ones are remembered, per list of types (the lists are the
  // routes' own constants, so the list itself is the key: no key string built per request). Bounded; emptied when
  // full. Only short headers are kept, so the memory this takes stays small whatever clients send.
  if (header.length > 200) return new Negotiator({ headers: { accept: header } }).mediaTypes([...produces]);
  let byHeader = recent.get(produces);
  if (!byHeader) recent.set(produces, (byHeader = new Map()));
  let types = byHeader.get(header);
  if (!types) {
    types = new Negotiator({ headers: { accept: header } }).mediaTypes([...produces]);
    if (byHeader.size >= RECENT_MAX) byHeader.clear();
    byHeader.set(header, types);
  }
  return types;
}

const RECENT_MAX = 1000;
const recent = new WeakMap<readonly string[], Map<string, string[]>>();

/** `produces` and problem+json (what any route can answer with), one array per list. */
export function withProblems(produces: readonly string[]): readonly string[] {
  let list = problemsToo.get(produces);
  if (!list) problemsToo.set(produces, (list = [...produces, 'application/problem+json']));
  return list;
}
const problemsToo = new WeakMap<readonly string[], readonly string[]>();

export function accepts(header: string | undefined, produces: readonly string[]): boolean {
  return acceptable(header, produces).length > 0;
}

/** The type of `produces` the client prefers; the route's first type when none is acceptable (the route then
 * answers 406 elsewhere) or the header is empty. */
export function preferred(header: string | undefined, produces: readonly string[]): string {
  return acceptable(header, produces)[0] ?? produces[0]!;
}
