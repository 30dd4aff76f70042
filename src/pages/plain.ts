// The answer of "what could happen" in a few plain sentences, composed from the strings of the page's language:
// which articles, every stated term (a dispute said as such), whether an exemption may apply, how courts sentenced.
import type { Consequences } from '../domain/consequences.js';
import type { Ctx } from './context.js';
import { duration, label, penaltyText } from './format.js';
import { html, type SafeHtml } from './html.js';

export function plainAnswer(ctx: Ctx, a: Consequences): SafeHtml {
  const { s } = ctx;
  if (!a.found) return html`<p class="plain">${s.notFoundAnswer}</p>`;
  const sentences: string[] = [];
  sentences.push(s.plainArticles(a.provisions.map((p) => s.article(p.provision.article)).join(', ')));
  const main = a.penalties.filter((g) => g.role !== 'additional');
  if (main.length === 0) sentences.push(s.noPenaltyKnown);
  for (const g of main) {
    const kind = penaltyText(ctx, { kind: g.kind, min: null, max: null, unit: null }).split(':')[0]!;
    const ranges = [...new Set(g.alternatives.map((x) => s.range(x.penalty.min, x.penalty.max, x.penalty.unit)))];
    const text = g.alternatives.some((x) => x.penalty.min !== null || x.penalty.max !== null)
      ? `${kind}: ${ranges.join(s.or)}`
      : kind;
    sentences.push(g.disputed ? s.plainDisputed(text) : s.plainPenalty(text));
  }
  const conds = a.provisions.flatMap((p) =>
    p.exemptions.flatMap((e) => e.conditions.map((c) => label(s.conditions, c))),
  );
  sentences.push(a.exemptionAvailable ? s.plainExemption([...new Set(conds)].join(', ')) : s.exemptionNone);
  const prison = a.precedents.sentences.filter(
    (x) => x.kind === 'imprisonment' && !x.suspended && x.minMonths !== null,
  );
  if (a.precedents.count > 0 && prison.length) {
    const lo = Math.min(...prison.map((x) => x.minMonths!));
    const hi = Math.max(...prison.map((x) => x.maxMonths ?? x.minMonths!));
    sentences.push(
      lo === hi
        ? s.plainCourtsSame(a.precedents.count, duration(ctx, lo))
        : s.plainCourts(a.precedents.count, duration(ctx, lo), duration(ctx, hi)),
    );
  } else sentences.push(s.rulingsCount(a.precedents.count) + '.');
  return html`<p class="plain">${sentences.join(' ')}</p>`;
}
