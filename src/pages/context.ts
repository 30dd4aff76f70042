// The rendering context of one page request: its language and strings, links in that language, and how a text that
// exists only in English is shown on a page in another language.
import { html, type SafeHtml } from './html.js';
import { LANGUAGES, type Lang, type Strings } from './i18n/index.js';

export interface Ctx {
  lang: Lang;
  s: Strings;
  /** The page's path and query without the language prefix ("/countries/KG?x=1"). */
  path: string;
  /** The dataset revision the page is built from. */
  revision: string;
  /** A page link in this language. */
  href(path: string): string;
  /** A record text of the dataset (written in English): marked lang="en", with a visible note, on other languages. */
  rec(text: string | null | undefined): SafeHtml;
  /** A heading or title: on pages not in English, the original-language text where the data has it, with the
   * English one beside it; on English pages, the English text. */
  named(english: string, original: string | null | undefined, brief?: boolean): SafeHtml;
  /** A proper name as the data writes it in English (a court, a place, a force): marked lang="en", no note. */
  name(text: string | null | undefined): SafeHtml;
}

/** The path of a page in a language: English without a prefix, other languages under /<lang>/. */
export function localPath(lang: Lang, path: string): string {
  if (lang === 'en') return path;
  return path === '/' || path.startsWith('/?') ? `/${lang}${path}` : `/${lang}${path}`;
}

export function makeCtx(lang: Lang, path: string, revision: string): Ctx {
  const s = LANGUAGES[lang];
  return {
    lang,
    s,
    path,
    revision,
    href: (p) => localPath(lang, p),
    rec: (text) => {
      if (text === null || text === undefined || text === '') return html``;
      if (lang === 'en') return html`${text}`;
      return html`<span lang="en">${text}</span> <span class="lang-note">${s.inEnglish}</span>`;
    },
    named(english, original, brief = false) {
      if (lang === 'en' || !original) return this.rec(english);
      if (brief) return html`${original}`;
      return html`${original} <span class="lang-note">(<span lang="en">${english}</span>)</span>`;
    },
    name: (text) => (!text ? html`` : lang === 'en' ? html`${text}` : html`<span lang="en">${text}</span>`),
  };
}
