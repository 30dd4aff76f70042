// The HTML error pages: 400 says which field is wrong and how, 404 says nothing is there, others are generic.
import { PROBLEM_TYPES, type HttpProblem } from '../http/problem.js';
import type { Ctx } from './context.js';
import { html } from './html.js';
import type { PageContent } from './layout.js';

export function errorPage(ctx: Ctx, problem: HttpProblem | undefined): PageContent {
  const { s } = ctx;
  const code: number = problem ? PROBLEM_TYPES[problem.slug].status : 500;
  if (code === 400) {
    const errors = problem?.errors ?? [];
    return {
      status: 400,
      title: s.badRequest,
      json: [],
      body: html`<h1>${s.badRequest}</h1>
        <p>${s.badRequestIntro}</p>
        <ul class="errors">
          ${
            errors.length
              ? errors.map(
                  (e) =>
                    html`<li>
                      <strong><code>${e.name}</code></strong
                      >:
                      ${ctx.lang === 'en' ? '' : `${s.invalidValue} `}${ctx.rec(
                        // The suggestions follow in the page's language: not also in the API's English detail.
                        e.suggestions?.length ? e.detail.replace(/; did you mean [^;]*\?$/, '') : e.detail,
                      )}${
                        e.suggestions?.length
                          ? html`. ${s.didYouMean}
                            ${e.suggestions.map((x, i) => html`${i ? ', ' : ''}<code>${x}</code>`)}?`
                          : ''
                      }
                    </li>`,
                )
              : html`<li>${ctx.rec(problem?.detail)}</li>`
          }
        </ul>
        <p>
          <a href="${ctx.href(ctx.path.split('?')[0]!)}">${s.retry}</a> · <a href="${ctx.href('/')}">${s.back}</a>
        </p>`,
    };
  }
  if (code === 404) {
    return {
      status: 404,
      title: s.notFound,
      json: [],
      body: html`<h1>${s.notFound}</h1>
        <p>${s.notFoundIntro}</p>
        <p><a href="${ctx.href('/')}">${s.back}</a></p>`,
    };
  }
  return {
    status: code,
    title: s.serverError,
    json: [],
    body: html`<h1>${s.serverError}</h1>
      <p>${s.serverErrorIntro}</p>
      <p><a href="${ctx.href('/')}">${s.back}</a></p>`,
  };
}
