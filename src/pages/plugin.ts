// The pages plugin: every page in every language (English at /, others under /<lang>/), the stylesheet, the
// language switch (remembered in a cookie, offered from Accept-Language on a first visit) and HTML error pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, problemOf } from '../http/problem.js';
import { currentRevision } from '../queries/meta.js';
import { createHash } from 'node:crypto';
import { CSS, ICON } from './assets.js';
import { localPath, makeCtx, type Ctx } from './context.js';
import { errorPage } from './errors.js';
import { DEFAULT_LANG, LANGS, fromAcceptLanguage, isLang, type Lang } from './i18n/index.js';
import { layout } from './layout.js';
import { PAGES } from './routes.js';
import { routeConfig } from '../http/route-config.js';

const HTML = 'text/html; charset=utf-8';
const YEAR = 365 * 24 * 3600;

/** The language of a page URL: its /<lang>/ prefix, or the default language. */
export function langOfUrl(url: string): { lang: Lang; path: string } {
  const m = /^\/([a-z]{2})(?=\/|\?|$)(.*)$/.exec(url);
  if (m && isLang(m[1]) && m[1] !== DEFAULT_LANG) {
    const rest = m[2] || '/';
    return { lang: m[1], path: rest.startsWith('?') ? `/${rest}` : rest };
  }
  return { lang: DEFAULT_LANG, path: url };
}

function cookieLang(header: string | undefined): Lang | undefined {
  const m = /(?:^|;\s*)lang=([a-z]{2})(?:;|$)/.exec(header ?? '');
  return m && isLang(m[1]) ? m[1] : undefined;
}

function addVary(reply: FastifyReply, ...names: string[]): void {
  const have = String(reply.getHeader('vary') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  reply.header('vary', [...new Set([...have, ...names])].join(', '));
}

/** A `next` that stays on this site: a path, never another origin (//host or /\host). */
function safeNext(next: unknown, lang: Lang): string {
  if (typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length <= 2000) {
    // A header holds visible ASCII only: anything else (a decoded letter, a space, a control character) is encoded.
    try {
      return next.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
    } catch {
      // a lone surrogate cannot be encoded: go to the start page
    }
  }
  return localPath(lang, '/');
}

async function ctxOf(app: FastifyInstance, req: FastifyRequest): Promise<Ctx> {
  const { lang, path } = langOfUrl(req.url);
  const revision = req.revision?.revision ?? (await currentRevision(app.database.db).catch(() => undefined))?.revision;
  return makeCtx(lang, path, revision ?? '—');
}

export default async function pages(app: FastifyInstance): Promise<void> {
  const config = { produces: ['text/html'], page: true };

  // The unprefixed (default-language) pages follow the remembered choice, or on a first visit Accept-Language.
  app.addHook('onRequest', async (req, reply) => {
    if (!routeConfig(req).page || routeConfig(req).url === '/lang/:code') return;
    addVary(reply, 'Accept-Language', 'Cookie');
    const { lang } = langOfUrl(req.url);
    if (lang !== DEFAULT_LANG) return;
    const wanted = cookieLang(req.headers.cookie) ?? fromAcceptLanguage(req.headers['accept-language']);
    if (wanted && wanted !== DEFAULT_LANG) return reply.redirect(localPath(wanted, req.url), 302);
  });

  app.setErrorHandler(async (err: Error, req, reply) => {
    const ctx = await ctxOf(app, req);
    const problem = problemOf(err);
    if (!problem) req.log.error({ err }, 'page error');
    const content = errorPage(ctx, problem);
    if (problem?.headers) reply.headers(problem.headers);
    return reply
      .code(content.status ?? 500)
      .type(HTML)
      .send(layout(ctx, content));
  });

  for (const [path, render, opts] of PAGES) {
    const routeConfig = opts?.dated ? { ...config, cache: false } : config;
    for (const lang of LANGS) {
      app.get(localPath(lang, path), { config: routeConfig, schema: { hide: true } }, async (req, reply) => {
        const ctx = await ctxOf(app, req);
        const content = await render(ctx, req);
        if (opts?.dated) reply.header('cache-control', 'public, max-age=60');
        return reply
          .code(content.status ?? 200)
          .type(HTML)
          .send(layout(ctx, content));
      });
    }
  }

  app.get('/lang/:code', { config: { ...config, cache: false }, schema: { hide: true } }, async (req, reply) => {
    const { code } = req.params as { code: string };
    if (!isLang(code)) {
      throw new HttpProblem('invalid-parameter', `unknown language ${code}`, [
        { in: 'path', name: 'code', detail: `must be one of ${LANGS.join(', ')}` },
      ]);
    }
    reply.header('set-cookie', `lang=${code}; Path=/; Max-Age=${YEAR}; SameSite=Lax; HttpOnly`);
    return reply.redirect(safeNext((req.query as { next?: unknown }).next, code), 303);
  });

  const asset = (type: string, body: string) => {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    return async (_req: FastifyRequest, reply: FastifyReply) =>
      reply.type(type).header('cache-control', `public, max-age=${YEAR}, immutable`).header('etag', etag).send(body);
  };
  app.get(
    '/assets/site.css',
    { config: { produces: ['text/css'], cache: false }, schema: { hide: true } },
    asset('text/css; charset=utf-8', CSS),
  );
  app.get(
    '/assets/icon.svg',
    { config: { produces: ['image/svg+xml'], cache: false }, schema: { hide: true } },
    asset('image/svg+xml', ICON),
  );
}
