// A table of rulings (date, court and place, defendant, charges, outcome, sentence), each linking to its page.
import type { Case } from '../domain/cases.js';
import type { Ctx } from './context.js';
import { countryName, date, label, sentenceText } from './format.js';
import { html, type SafeHtml } from './html.js';

/** The court and its place, as the data names them (in English), or "unknown". */
export function courtOf(ctx: Ctx, c: Case): SafeHtml | string {
  const text = [c.court.name, c.court.place].filter(Boolean).join(', ');
  return text ? ctx.name(text) : ctx.s.unknown;
}

export function defendantName(ctx: Ctx, c: Case): string {
  return c.defendant.name ?? ctx.s.unnamed;
}

export function rulingsTable(ctx: Ctx, cases: readonly Case[]): SafeHtml {
  const { s } = ctx;
  if (cases.length === 0) return html`<p>${s.noResults}</p>`;
  return html`<div class="table-wrap">
    <table class="rulings">
      <thead>
        <tr>
          <th scope="col">${s.decided}</th>
          <th scope="col">${s.defendant}</th>
          <th scope="col">${s.court}</th>
          <th scope="col">${s.charges}</th>
          <th scope="col">${s.outcome}</th>
          <th scope="col">${s.sentence}</th>
        </tr>
      </thead>
      <tbody>
        ${cases.map(
          (c) =>
            html`<tr data-case="${c.id}">
              <td>${date(ctx, c.decided.date)}</td>
              <td><a href="${ctx.href(`/rulings/${encodeURIComponent(c.id)}`)}">${defendantName(ctx, c)}</a></td>
              <td>
                ${courtOf(ctx, c)}
                <span class="meta">(${countryName(ctx, c.country)})</span>
              </td>
              <td>
                ${c.charges.map((ch, i) => html`${i ? ', ' : ''}${s.article(ch.provision.article)}${ch.part ? ` (${s.part(ch.part)})` : ''}`)}
              </td>
              <td>${label(s.outcomes, c.outcome, s.outcomes.unknown)}</td>
              <td>
                ${c.sentences.length ? c.sentences.map((x, i) => html`${i ? '; ' : ''}${sentenceText(ctx, x)}`) : '—'}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
