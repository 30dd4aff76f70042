// Content negotiation over the Accept header (negotiator, as in express and @fastify/accepts): whether a route can
// answer, and which of its types is preferred.
import Negotiator from 'negotiator';

/** The types of `produces` the header accepts, best first (q, then specificity, then order). */
function acceptable(header: string | undefined, produces: readonly string[]): string[] {
  if (!header || header.trim() === '') return [...produces];
  return new Negotiator({ headers: { accept: header } }).mediaTypes([...produces]);
}

export function accepts(header: string | undefined, produces: readonly string[]): boolean {
  return acceptable(header, produces).length > 0;
}

/** The type of `produces` the client prefers; the route's first type when none is acceptable (the route then
 * answers 406 elsewhere) or the header is empty. */
export function preferred(header: string | undefined, produces: readonly string[]): string {
  return acceptable(header, produces)[0] ?? produces[0]!;
}
