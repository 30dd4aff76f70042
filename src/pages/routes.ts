// The table of pages: each path (without its language prefix) and the function that renders it.
import type { FastifyRequest } from 'fastify';
import type { Ctx } from './context.js';
import { comparePage } from './compare.js';
import { countryPage } from './country.js';
import { homePage } from './home.js';
import type { PageContent } from './layout.js';
import { rulingPage, rulingsPage } from './rulings.js';
import { searchPage } from './search.js';
import { methodologyPage, sourcesPage } from './sources.js';
import { whatPage } from './what-could-happen.js';

type Render = (ctx: Ctx, req: FastifyRequest) => Promise<PageContent>;
/** dated: the page answers for today by default, so it must not live in the response cache for a whole import. */
type Options = { dated?: boolean };

const db = (req: FastifyRequest) => req.server.database.db;
const param = (req: FastifyRequest, name: string) => (req.params as Record<string, string>)[name] ?? '';

export const PAGES: [string, Render, Options?][] = [
  ['/', (ctx, req) => homePage(ctx, db(req)), { dated: true }],
  ['/countries/:code', (ctx, req) => countryPage(ctx, db(req), param(req, 'code'))],
  ['/what-could-happen', (ctx, req) => whatPage(ctx, db(req), req.query), { dated: true }],
  ['/rulings', (ctx, req) => rulingsPage(ctx, db(req), req.query)],
  ['/rulings/:id', (ctx, req) => rulingPage(ctx, db(req), param(req, 'id'))],
  ['/compare', (ctx, req) => comparePage(ctx, db(req), req.query), { dated: true }],
  ['/sources', (ctx, req) => sourcesPage(ctx, db(req), req.query)],
  ['/methodology', (ctx) => methodologyPage(ctx)],
  ['/search', (ctx, req) => searchPage(ctx, db(req), req.query)],
];

/** Paths the pages answer (for the OpenAPI response check in the tests, which must ignore them). */
export const PAGE_PATH =
  /^\/(?:ru(?:\/|$))?(?:$|countries\/[^/]+\/?$|what-could-happen|rulings|compare|sources|methodology|search|lang\/|assets\/)/;
