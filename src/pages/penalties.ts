// The penalties of a consequences answer as the pages show them: every stated value with its article, part and
// sources; a dispute is said in words, and the envelope (when shown) is labelled as a summary, not a penalty.
import type { Consequences } from '../domain/consequences.js';
import type { Db } from '../db/client.js';
import { originalsOf, type Originals } from '../queries/originals.js';
import type { Ctx } from './context.js';
import { label, penaltyText, sourcesDetails } from './format.js';
import { html, type SafeHtml } from './html.js';

type Group = Consequences['penalties'][number];

export function penaltyGroups(ctx: Ctx, groups: readonly Group[], opts: { details: boolean }): SafeHtml {
  const { s } = ctx;
  return html`${groups.map((g) => {
    const kind = label(s.penaltyKinds, g.kind);
    return html`<div class="penalty" data-kind="${g.kind}" data-role="${g.role}">
      <p>
        <strong>${kind}</strong>
        <span class="meta">(${label(s.roles, g.role)})</span>
        ${g.disputed ? html`<span class="tag">${s.disputed}</span>` : ''}
      </p>
      <ul class="alts">
        ${g.alternatives.map(
          (a) =>
            html`<li
              class="alt"
              data-provision="${a.provision.id}"
              data-part="${a.part}"
              data-kind="${a.penalty.kind}"
              data-min="${a.penalty.min ?? ''}"
              data-max="${a.penalty.max ?? ''}"
              data-unit="${a.penalty.unit ?? ''}"
            >
              <strong class="term">${penaltyText(ctx, a.penalty)}</strong>
              <span class="meta"
                >— ${a.provision.id},
                ${s.part(a.part)}${
                  a.penalty.sources.length ? html`; ${a.penalty.sources.map((x) => x.publisher).join(', ')}` : ''
                }</span
              >
              ${opts.details && a.penalty.context ? html`<br /><span class="context">${ctx.rec(a.penalty.context)}</span>` : ''}
              ${opts.details && a.penalty.disputeNote ? html`<br /><span class="context">${ctx.rec(a.penalty.disputeNote)}</span>` : ''}
              ${opts.details ? sourcesDetails(ctx, a.penalty.sources) : ''}
            </li>`,
        )}
      </ul>
      ${
        g.disputed && g.alternatives.length > 1
          ? html`<p class="meta envelope">${s.envelope(s.range(g.envelope.min, g.envelope.max, g.unit))}</p>`
          : ''
      }
    </div>`;
  })}`;
}

/** The applicable articles of an answer, briefly: article, heading, code, whether in force certainly, text read. */
export function articleLines(ctx: Ctx, answer: Consequences, originals?: Originals, brief = false): SafeHtml {
  const { s } = ctx;
  if (!answer.found) return html`<p><span class="tag unknown">${s.noArticleKnown}</span></p>`;
  return html`<ul class="articles">
    ${answer.provisions.map(
      (p) =>
        html`<li data-provision="${p.provision.id}">
          <strong>${s.article(p.provision.article)}</strong>
          ${ctx.named(p.provision.heading, originals?.headings.get(p.provision.id), brief)}
          <span class="meta"
            >(${ctx.named(p.provision.instrument.title, originals?.titles.get(p.provision.instrument.id), brief)})</span
          >
          ${p.inForce === 'possible' ? html`<span class="tag">${s.inForcePossible}</span>` : ''}
          ${p.version.textKnown ? '' : html`<span class="tag unknown">${s.textNotRead}</span>`}
        </li>`,
    )}
  </ul>`;
}

/** The original-language headings and titles of the articles of some answers (none needed on English pages). */
export async function originalsFor(ctx: Ctx, db: Db, answers: Iterable<Consequences>): Promise<Originals | undefined> {
  if (ctx.lang === 'en') return undefined;
  const provs = [...answers].flatMap((a) => a.provisions.map((p) => p.provision));
  return originalsOf(
    db,
    provs.map((p) => p.id),
    provs.map((p) => p.instrument.id),
  );
}
