// The route's own config object, read once per request: fastify's `request.routeOptions` builds a new object of a
// dozen fields (and asks the router about version constraints) on every access, and the hooks of a cached answer
// read it about ten times.
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';

/** What fastify keeps per route: the url and method it was declared with, and the flags of FastifyContextConfig. */
export type RouteConfig = FastifyContextConfig & { url?: string; method?: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Filled by routeConfig(); null until then. */
    routeConfigSeen: RouteConfig | null;
  }
}

/** Declares the slot on every request (a property known to the request's class from the start). */
export function declareRouteConfig(app: FastifyInstance): void {
  app.decorateRequest('routeConfigSeen', null);
}

/** The config of the route the request was routed to; an empty object outside any route (404): url undefined. */
export function routeConfig(req: FastifyRequest): RouteConfig {
  return (req.routeConfigSeen ??= (req.routeOptions.config as RouteConfig | undefined) ?? {});
}
