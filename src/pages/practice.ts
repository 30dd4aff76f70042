// Practice notes as the pages show them: kind, period, stance, the statement, every typed statistic, the sources.
import type { PracticeNote } from '../domain/practice.js';
import type { Ctx } from './context.js';
import { date, label, sourcesDetails } from './format.js';
import { html, type SafeHtml } from './html.js';

export function practiceList(ctx: Ctx, notes: readonly PracticeNote[]): SafeHtml {
  const { s } = ctx;
  if (notes.length === 0) return html`<p>${s.none}</p>`;
  return html`${notes.map(
    (n) =>
      html`<article class="note" id="${n.id}">
        <h3>
          ${label(s.practiceKinds, n.kind)}${n.from ? `, ${n.to ? s.fromTo(date(ctx, n.from), date(ctx, n.to)) : s.sinceDate(date(ctx, n.from))}` : ''}
          ${n.stance ? html`<span class="tag">${label(s.stances, n.stance)}</span>` : ''}
        </h3>
        <p>${ctx.rec(n.statement)}</p>
        ${
          n.statistics.length
            ? html`<ul>
                ${n.statistics.map(
                  (st) =>
                    html`<li>
                      <strong
                        >${[label(s.qualifiers, st.qualifier), st.valueMax !== null ? `${st.value}–${st.valueMax}` : String(st.value)].filter(Boolean).join(' ')}</strong
                      >
                      ${label(s.measures, st.measure)}${st.from || st.to ? html` <span class="meta">(${st.from ? s.fromTo(date(ctx, st.from), date(ctx, st.to)) : date(ctx, st.to)})</span>` : ''}
                      ${st.disputed ? html`<span class="tag">${s.disputed}</span> ${ctx.rec(st.dispute)}` : ''}
                    </li>`,
                )}
              </ul>`
            : ''
        }
        ${sourcesDetails(ctx, n.sources)}
      </article>`,
  )}`;
}
