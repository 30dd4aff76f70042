// Formatting shared by the pages: dates with their precision, in-force boundaries, penalties and sentences in words,
// labels of codes, source lists and links to the JSON a page is built from.
import type { SourceRef } from '../domain/common.js';
import type { Ctx } from './context.js';
import { attr, html, join, raw, type SafeHtml } from './html.js';

/** A date as the data gives it (YYYY, YYYY-MM or YYYY-MM-DD) in words of the page's language. */
export function date(ctx: Ctx, value: string | null | undefined): string {
  if (!value) return ctx.s.unknown;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (d) return ctx.s.day(Number(d), Number(mo), Number(y));
  if (mo) return ctx.s.monthYear(Number(mo), Number(y));
  return y!;
}

/** An in-force boundary: a date, or an interval "A/B" when the day is known only within bounds. */
export function boundary(ctx: Ctx, value: string | null | undefined): string {
  if (!value) return ctx.s.inForceNow;
  const [a, b] = value.split('/');
  return b ? ctx.s.between(date(ctx, a), date(ctx, b)) : date(ctx, a);
}

export function period(ctx: Ctx, from: string | null, to: string | null): string {
  return to ? ctx.s.fromTo(boundary(ctx, from), boundary(ctx, to)) : ctx.s.sinceDate(boundary(ctx, from));
}

export function countryName(ctx: Ctx, code: string): string {
  return (ctx.s.countries as Record<string, string>)[code] ?? code;
}

/** A conduct's label in the page's language, or the data's (English) label marked as such. */
export function conductLabel(ctx: Ctx, code: string, dataLabel?: string): SafeHtml {
  const own = ctx.s.conducts[code];
  return own ? html`${own}` : ctx.rec(dataLabel ?? code);
}

const TERM_KINDS = new Set([
  'imprisonment',
  'restriction-of-liberty',
  'correctional-labour',
  'arrest',
  'community-service',
  'fine',
  'probation-supervision',
]);

export function penaltyText(
  ctx: Ctx,
  p: { kind: string; min: number | null; max: number | null; unit: string | null },
): string {
  const kind = (ctx.s.penaltyKinds as Record<string, string>)[p.kind] ?? p.kind;
  const hasTerm = p.min !== null || p.max !== null;
  // A punishment measured in time or money whose value no source gives says so, rather than looking complete.
  return hasTerm || TERM_KINDS.has(p.kind) ? `${kind}: ${ctx.s.range(p.min, p.max, p.unit)}` : kind;
}

export function sentenceText(
  ctx: Ctx,
  s: {
    kind: string;
    years: number | null;
    months: number | null;
    suspended: boolean;
    amount: number | null;
    unit: string | null;
    probationMonths?: number | null;
  },
): string {
  const kind = (ctx.s.penaltyKinds as Record<string, string>)[s.kind] ?? s.kind;
  const len = [s.years ? ctx.s.years(s.years) : '', s.months ? ctx.s.months(s.months) : ''].filter(Boolean).join(' ');
  let out = len ? `${kind}, ${len}` : s.amount !== null ? `${kind}: ${s.amount} ${s.unit ?? ''}`.trim() : kind;
  if (s.suspended) out += `, ${ctx.s.suspended}`;
  if (s.probationMonths) out += ` (${ctx.s.probation(s.probationMonths)})`;
  return out;
}

/** A length in months in words: "5 years", "4 years 6 months", "8 months". */
export function duration(ctx: Ctx, months: number): string {
  const y = Math.floor(months / 12);
  const m = Math.round(months - y * 12);
  return [y ? ctx.s.years(y) : '', m || !y ? ctx.s.months(m) : ''].filter(Boolean).join(' ');
}

export function label<T extends Record<string, string>>(map: T, key: string | null | undefined, fallback = ''): string {
  if (key === null || key === undefined) return fallback;
  return (map as Record<string, string>)[key] ?? key;
}

/** Only http(s) links from the data are made links (never javascript: or data: URLs). */
export function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The sources of a fact as a compact list of links, publisher and date. */
export function sourceList(ctx: Ctx, sources: readonly SourceRef[]): SafeHtml {
  if (sources.length === 0) return html``;
  return html`<ul class="sources">
    ${sources.map(
      (src) =>
        html`<li>
          ${safeUrl(src.url) ? html`<a href="${safeUrl(src.url)}" rel="noopener noreferrer">${src.title}</a>` : html`${src.title}`}
          <span class="meta"
            >— ${src.publisher}${src.published ? `, ${date(ctx, src.published)}` : ''}
            (${label(ctx.s.sourceKinds, src.kind)})</span
          >
        </li>`,
    )}
  </ul>`;
}

/** A <details> with the sources, so long source lists do not bury the facts. */
export function sourcesDetails(ctx: Ctx, sources: readonly SourceRef[]): SafeHtml {
  if (sources.length === 0) return html``;
  return html`<details class="src">
    <summary>${ctx.s.sources} (${sources.length})</summary>
    ${sourceList(ctx, sources)}
  </details>`;
}

export function dl(rows: readonly [string, SafeHtml | string | null | undefined][]): SafeHtml {
  const kept = rows.filter(([, v]) => v !== null && v !== undefined && String(v) !== '');
  return html`<dl class="facts">
    ${kept.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

export const joinComma = (items: readonly (SafeHtml | string)[]) => join(items, ', ');

/** The options of a force select: names as the data writes them (in English), marked so on other pages. */
export function forceOptions(
  ctx: Ctx,
  forces: readonly { id: string; name: string }[],
  current: string | undefined,
): SafeHtml {
  const lang = ctx.lang === 'en' ? '' : ' lang="en"';
  return html`${forces.map(
    (f) => html`<option value="${f.id}" ${raw(lang)}${attr(current === f.id, 'selected')}>${f.name}</option>`,
  )}`;
}
