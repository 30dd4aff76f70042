// The `html` tagged template of the pages: every interpolated value is escaped unless it is already SafeHtml.

/** Markup that is known to be safe: produced by `html`, or explicitly trusted with `raw` (never with data). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A value that may stand in a template: text (escaped), markup, a list of either, or nothing. */
export type Html = SafeHtml | string | number | boolean | null | undefined | readonly Html[];

function render(value: Html): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: interpolations are escaped (arrays joined, null/undefined/booleans dropped). */
export function html(strings: TemplateStringsArray, ...values: Html[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusts a constant string as markup. Only for markup written in this code base, never for data. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins rendered items with a separator (itself escaped unless SafeHtml). */
export function join(items: readonly Html[], separator: Html = ''): SafeHtml {
  return new SafeHtml(items.map(render).join(render(separator)));
}

/** An attribute only when the condition holds: html`<option${attr(sel, 'selected')}>`. */
export function attr(on: boolean, name: string): SafeHtml {
  return new SafeHtml(on ? ` ${name}` : '');
}
