// The languages of the pages: one strings file each, all of the type of the English one. A third language is one
// more file and one more entry here.
import { en } from './en.js';
import { ru } from './ru.js';

export type Strings = typeof en;

export const LANGUAGES = { en, ru } satisfies Record<string, Strings>;
export type Lang = keyof typeof LANGUAGES;
export const LANGS = Object.keys(LANGUAGES) as Lang[];
export const DEFAULT_LANG: Lang = 'en';

export const isLang = (s: string | undefined): s is Lang => s !== undefined && s in LANGUAGES;

/** The language the Accept-Language header prefers among ours (highest q, then order); undefined if none. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  let best: { lang: Lang; q: number; i: number } | undefined;
  header.split(',').forEach((part, i) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0]!;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) : 1;
    if (!isLang(primary) || !(q > 0)) return;
    if (!best || q > best.q || (q === best.q && i < best.i)) best = { lang: primary, q, i };
  });
  return best?.lang;
}
