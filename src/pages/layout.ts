// The shell of every page: head (title, stylesheet, language alternates, the JSON it is built from), skip link,
// header with navigation, language switch and search, the main landmark, and the footer with the dataset revision.
import type { Ctx } from './context.js';
import { localPath } from './context.js';
import { html, raw, type SafeHtml } from './html.js';
import { LANGS, LANGUAGES } from './i18n/index.js';
import { CSS_HREF } from './assets.js';

export interface PageContent {
  title: string;
  body: SafeHtml;
  /** The API URLs the page is built from (linked in the head and the footer). */
  json: string[];
  status?: number;
}

const NAV = [
  ['/', 'home'],
  ['/what-could-happen', 'what'],
  ['/rulings', 'rulings'],
  ['/compare', 'compare'],
  ['/sources', 'sources'],
  ['/methodology', 'methodology'],
] as const;

function isCurrent(ctx: Ctx, path: string): boolean {
  const here = ctx.path.split('?')[0]!;
  return path === '/' ? here === '/' : here === path || here.startsWith(`${path}/`);
}

/** The link that switches to another language: it remembers the choice (cookie) and goes to the same page. */
export function switchHref(lang: string, path: string): string {
  return `/lang/${lang}?next=${encodeURIComponent(localPath(lang as never, path))}`;
}

export function layout(ctx: Ctx, page: PageContent): string {
  const { s } = ctx;
  const others = LANGS.filter((l) => l !== ctx.lang);
  const doc = html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} — ${s.siteShort}</title>
        <link rel="stylesheet" href="${CSS_HREF}" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        ${LANGS.map((l) => html`<link rel="alternate" hreflang="${l}" href="${localPath(l, ctx.path)}" />`)}
        <link rel="alternate" hreflang="x-default" href="${ctx.path}" />
        ${page.json.map((u) => html`<link rel="alternate" type="application/json" href="${u}" />`)}
      </head>
      <body>
        <a class="skip" href="#main">${s.skip}</a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="${ctx.href('/')}">${s.site}</a>
            <nav class="langs" aria-label="${s.langSwitch}">
              ${others.map(
                (l) =>
                  html`<a href="${switchHref(l, ctx.path)}" hreflang="${l}" lang="${l}">${LANGUAGES[l].langName}</a>`,
              )}
            </nav>
          </div>
          <nav class="main" aria-label="${s.nav.label}">
            <ul>
              ${NAV.map(
                ([p, key]) =>
                  html`<li>
                    <a href="${ctx.href(p)}" ${isCurrent(ctx, p) ? raw(' aria-current="page"') : ''}>${s.nav[key]}</a>
                  </li>`,
              )}
            </ul>
          </nav>
          <form class="search" role="search" action="${ctx.href('/search')}" method="get">
            <label for="site-q" class="visually-hidden">${s.searchLabel}</label>
            <input id="site-q" name="q" type="search" maxlength="300" />
            <button type="submit">${s.searchButton}</button>
          </form>
        </header>
        <main id="main" tabindex="-1">${page.body}</main>
        <footer class="site">
          <p class="advice">${s.notAdvice}</p>
          <p>
            ${page.json.map((u, i) => html`${i ? ' · ' : ''}<a href="${u}" type="application/json">${s.json}${page.json.length > 1 ? ` ${i + 1}` : ''}</a>`)}
          </p>
          <p class="rev">${s.revision(ctx.revision)}</p>
        </footer>
      </body>
    </html> `;
  return doc.value;
}
