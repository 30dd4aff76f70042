// The sources list (filter by kind, cursor pages) and the methodology page (static text from the strings file).
import { paged } from '../http/pagination.js';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { SOURCE_KINDS } from '../domain/vocabulary.js';
import { SOURCES_KEY, listSources } from '../queries/sources.js';
import type { Ctx } from './context.js';
import { date, label, safeUrl } from './format.js';
import { attr, html } from './html.js';
import type { PageContent } from './layout.js';
import { choice, field, parsePageQuery } from './query.js';

const Query = z.object({ kind: choice(SOURCE_KINDS), cursor: field(512) });

export async function sourcesPage(ctx: Ctx, db: Db, query: unknown): Promise<PageContent> {
  const { s } = ctx;
  const q = parsePageQuery(Query, query);
  const result = await paged({ kind: q.kind, cursor: q.cursor, limit: 50 }, SOURCES_KEY, (page) =>
    listSources(db, page),
  );
  const base = `${ctx.href('/sources')}${q.kind ? `?kind=${q.kind}&` : '?'}`;
  const api = `/v1/sources?limit=50${q.kind ? `&kind=${q.kind}` : ''}${q.cursor ? `&cursor=${encodeURIComponent(q.cursor)}` : ''}`;
  const body = html`<h1>${s.sourcesTitle}</h1>
    <p class="lede">${s.sourcesIntro}</p>
    <form class="filters" action="${ctx.href('/sources')}" method="get" aria-label="${s.filters}">
      <div>
        <label for="s-kind">${s.fieldKind}</label
        ><select id="s-kind" name="kind">
          <option value="">${s.any}</option>
          ${SOURCE_KINDS.map((k) => html`<option value="${k}" ${attr(q.kind === k, 'selected')}>${label(s.sourceKinds, k)}</option>`)}
        </select>
      </div>
      <div><button type="submit">${s.submit}</button></div>
    </form>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${s.source}</th>
            <th scope="col">${s.publisher}</th>
            <th scope="col">${s.published}</th>
            <th scope="col">${s.fieldKind}</th>
            <th scope="col">${s.language}</th>
            <th scope="col">${s.citedBy}</th>
          </tr>
        </thead>
        <tbody>
          ${result.data.map(
            (x) =>
              html`<tr id="${x.id}">
                <td>
                  ${safeUrl(x.url) ? html`<a href="${safeUrl(x.url)}" rel="noopener noreferrer" hreflang="${x.language}">${x.title}</a>` : x.title}
                  ${x.note ? html`<br /><span class="meta">${ctx.rec(x.note)}</span>` : ''}
                </td>
                <td>${x.publisher}</td>
                <td>${date(ctx, x.published)}</td>
                <td>${label(s.sourceKinds, x.kind)}</td>
                <td>${x.language}</td>
                <td>${x.citedBy}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <nav class="pager" aria-label="${s.pagesNav}">
      ${q.cursor ? html`<a href="${ctx.href('/sources')}${q.kind ? `?kind=${q.kind}` : ''}">${s.firstPage}</a>` : ''}
      ${result.next ? html`<a href="${base}cursor=${encodeURIComponent(result.next)}" rel="next">${s.nextPage}</a>` : ''}
    </nav>`;
  return { title: s.sourcesTitle, json: [api], body };
}

export async function methodologyPage(ctx: Ctx): Promise<PageContent> {
  const { s } = ctx;
  return {
    title: s.methodologyTitle,
    json: ['/v1/meta', '/openapi.json'],
    body: html`<h1>${s.methodologyTitle}</h1>
      <p class="lede">${s.methodologyIntro}</p>
      ${s.methodology.map(
        (sec) =>
          html`<h2>${sec.h}</h2>
            ${sec.p.map((p) => html`<p>${p}</p>`)}`,
      )}`,
  };
}
