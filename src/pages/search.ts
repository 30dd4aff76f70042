// The search page: /v1/search's results rendered, each with its type, a link to its page and the snippet, whose
// highlights (UTF-16 offsets) become <mark> around escaped text.
import { paged } from '../http/pagination.js';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { gapTitleTopic, practiceTitleCodes, SEARCH_TYPES, type SearchHit } from '../domain/search.js';
import { SEARCH_KEY, search } from '../queries/search.js';
import type { Ctx } from './context.js';
import { countryName, label } from './format.js';
import { attr, html, raw, type SafeHtml } from './html.js';
import type { PageContent } from './layout.js';
import { choice, countryField, field, parsePageQuery } from './query.js';

const Query = z.object({ q: field(300), type: choice(SEARCH_TYPES), country: countryField, cursor: field(512) });

/** The snippet with each highlighted range in <mark>; overlapping or out-of-range offsets are merged or clamped. */
export function highlight(snippet: string, ranges: SearchHit['highlights']): SafeHtml {
  const sorted = [...ranges]
    .map((r) => ({
      start: Math.max(0, Math.min(r.start, snippet.length)),
      end: Math.max(0, Math.min(r.end, snippet.length)),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    parts.push(html`${snippet.slice(at, start)}<mark>${snippet.slice(start, r.end)}</mark>`);
    at = r.end;
  }
  parts.push(html`${snippet.slice(at)}`);
  return html`${parts}`;
}

/**
 * The title of a hit as the page shows it. Practice notes and gaps have no title of their own: the API composes one
 * from codes (practiceTitle and gapTitle in domain/search.ts), which the page says in its own language; every other
 * title is the record's text.
 */
function hitTitle(ctx: Ctx, hit: SearchHit): SafeHtml {
  const { s } = ctx;
  if (hit.type === 'practice') {
    const { kind, stance } = practiceTitleCodes(hit.title);
    if (kind in s.practiceKinds && (stance === undefined || stance in s.stances))
      return html`${label(s.practiceKinds, kind)}${stance ? `: ${label(s.stances, stance)}` : ''}`;
  }
  if (hit.type === 'gap' && hit.country) {
    const topic = gapTitleTopic(hit.title);
    if (topic && topic in s.gapTopics) {
      const what = `${label(s.searchTypes, 'gap')} (${label(s.gapTopics, topic).toLowerCase()})`;
      return html`${countryName(ctx, hit.country)}: ${what}`;
    }
  }
  return ctx.rec(hit.title);
}

function pageOf(ctx: Ctx, hit: SearchHit): string {
  const c = hit.country;
  switch (hit.type) {
    case 'case':
      return ctx.href(`/rulings/${encodeURIComponent(hit.id)}`);
    case 'provision':
      return c ? ctx.href(`/countries/${c}#${hit.id}-history`) : hit.href;
    case 'instrument':
      return c ? ctx.href(`/countries/${c}#history`) : hit.href;
    case 'practice':
      return c ? ctx.href(`/countries/${c}#${hit.id}`) : hit.href;
    case 'gap':
      return c ? ctx.href(`/countries/${c}#gaps`) : hit.href;
    case 'force':
      return ctx.href(`/rulings?force=${encodeURIComponent(hit.id)}`);
    default:
      return hit.href;
  }
}

export async function searchPage(ctx: Ctx, db: Db, query: unknown): Promise<PageContent> {
  const { s } = ctx;
  const q = parsePageQuery(Query, query);
  const result = q.q
    ? await paged({ q: q.q, type: q.type, country: q.country, cursor: q.cursor, limit: 20 }, SEARCH_KEY, (page) =>
        search(db, page),
      )
    : undefined;
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.type) params.set('type', q.type);
  if (q.country) params.set('country', q.country);
  const api = `/v1/search?${params}&limit=20${q.cursor ? `&cursor=${encodeURIComponent(q.cursor)}` : ''}`;
  const body = html`<h1>${q.q ? s.searchResults(q.q) : s.searchTitle}</h1>
    <form class="filters" action="${ctx.href('/search')}" method="get" aria-label="${s.filters}">
      <div>
        <label for="p-q">${s.searchLabel}</label
        ><input id="p-q" name="q" type="search" value="${q.q ?? ''}" maxlength="300" />
      </div>
      <div>
        <label for="p-type">${s.fieldType}</label
        ><select id="p-type" name="type">
          <option value="">${s.any}</option>
          ${SEARCH_TYPES.map((t) => html`<option value="${t}" ${attr(q.type === t, 'selected')}>${label(s.searchTypes, t)}</option>`)}
        </select>
      </div>
      <div>
        <label for="p-country">${s.fieldCountryOnly}</label
        ><select id="p-country" name="country">
          <option value="">${s.any}</option>
          ${(['KZ', 'KG', 'TJ', 'TM', 'UZ'] as const).map((c) => html`<option value="${c}" ${attr(q.country === c, 'selected')}>${countryName(ctx, c)}</option>`)}
        </select>
      </div>
      <div><button type="submit">${s.searchButton}</button></div>
    </form>
    ${
      result
        ? result.data.length
          ? html`<ol class="hits">
                ${result.data.map(
                  (h) =>
                    html`<li class="hit" data-type="${h.type}" data-id="${h.id}">
                      <a href="${pageOf(ctx, h)}"><strong>${hitTitle(ctx, h)}</strong></a>
                      <span class="meta"
                        >(${label(s.searchTypes, h.type)}${h.country ? `, ${countryName(ctx, h.country)}` : ''})</span
                      >
                      <br /><span class="snippet" ${ctx.lang === 'en' ? '' : raw(' lang="en"')}
                        >${highlight(h.snippet, h.highlights)}</span
                      >
                      <a class="meta" href="${h.href}" type="application/json">JSON</a>
                    </li>`,
                )}
              </ol>
              ${result.next ? html`<nav class="pager" aria-label="${s.pagesNav}"><a rel="next" href="${ctx.href('/search')}?${String(params)}&cursor=${encodeURIComponent(result.next)}">${s.nextPage}</a></nav>` : ''}`
          : html`<p>${s.searchNone}</p>`
        : ''
    }`;
  return { title: s.searchTitle, json: q.q ? [api] : [], body };
}
