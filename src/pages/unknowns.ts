// What the dataset does not know about an answer, in the page's language: composed from the unknowns as data
// (src/present/consequences.ts UnknownItem) with the page's words, where the API states them in English sentences.
import type { UnknownItem } from '../present/consequences.js';
import type { ConsequencesAnswer } from '../queries/consequences.js';
import type { Ctx } from './context.js';
import { countryName, date, period } from './format.js';
import { html, type SafeHtml } from './html.js';

export function unknownsHtml(ctx: Ctx, a: ConsequencesAnswer): SafeHtml[] {
  const s = ctx.s;
  const say = s.unknownSay;
  const provisions = new Map(a.provisions.map((p) => [p.provision.id, p.provision]));
  const numbers = a.provisions.map((p) => p.provision.article);
  // An article by its number; by its id as well when two articles of the answer share a number (two codes).
  const article = (id: string, part?: string) => {
    const p = provisions.get(id);
    if (!p) return id;
    const name =
      numbers.filter((n) => n === p.article).length > 1 ? `${s.article(p.article)} (${id})` : s.article(p.article);
    return part ? `${name}, ${s.part(part)}` : name;
  };
  // A conduct's label inside a sentence: its first letter in lower case (the labels are written as headings).
  const conduct = (code: string) => {
    const l = (s.conducts as Record<string, string>)[code] ?? code;
    return l.charAt(0).toLocaleLowerCase(ctx.lang) + l.slice(1);
  };
  const penalty = (kind: string) => (s.penaltyKinds as Record<string, string>)[kind] ?? kind;
  const role = (r: string) => (s.roles as Record<string, string>)[r] ?? r;
  const one = (u: UnknownItem): SafeHtml => {
    switch (u.kind) {
      case 'no-provision':
        return html`${say.noProvision(
          say.conductOr([...u.conducts.map(conduct), ...(u.force ? [say.serviceIn(u.force)] : [])]),
          countryName(ctx, u.country),
          date(ctx, u.date),
          u.known.map((k) => (k.from !== null ? say.knownSpan(k.id, period(ctx, k.from, k.to)) : k.id)),
        )}`;
      case 'uncertain-boundary':
        return html`${say.uncertainBoundary(article(u.provision), date(ctx, u.date), period(ctx, u.from, u.to))}`;
      case 'text-unread':
        return html`${say.textUnread(article(u.provision), date(ctx, u.date))} ${u.note ? ctx.rec(u.note) : ''}`;
      case 'not-official-text':
        return html`${say.notOfficialText(
          article(u.provision),
          u.basis === 'official-statement' ? say.officialStatements : say.reports,
        )}`;
      case 'lenient-unknown':
        return html`${say.lenientUnknown(article(u.provision, u.part), date(ctx, u.from.split('/')[0]), u.reason)}`;
      case 'penalties-unknown':
        return html`${say.penaltiesUnknown(article(u.provision, u.part))}`;
      case 'category-unknown':
        return html`${say.categoryUnknown(article(u.provision, u.part))}`;
      case 'sources-disagree':
        return html`${say.sourcesDisagree(
          `${penalty(u.penalty)}, ${role(u.role)}`,
          u.values.map((v) =>
            say.disagreeValue(
              s.range(v.min, v.max, v.unit),
              article(v.provision, v.part),
              v.publishers.join(', ') || say.versionSources,
            ),
          ),
        )}`;
      case 'practice-undocumented':
        return html`${say.practiceUndocumented(countryName(ctx, u.country))}`;
      case 'no-stance':
        return html`${say.noStance(countryName(ctx, u.country), u.notes)}`;
    }
  };
  return a.unknownItems.map(one);
}
