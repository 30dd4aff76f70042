// Folding of names and words to one form, so that the spellings people type meet the spellings sources publish:
// Cyrillic (Russian, Kyrgyz, Kazakh, Tajik, Uzbek) and the common Latin schemes for each language fold to one Latin
// skeleton. Used both when documents are indexed and when a query is read, so the two always agree.

// Cyrillic letters of the five languages, to a Latin skeleton (before the scheme rules below).
const CYRILLIC: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'e',
  ж: 'j',
  җ: 'j',
  з: 'z',
  и: 'i',
  ӣ: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ұ: 'u',
  ӯ: 'u',
  ў: 'o',
  ф: 'f',
  х: 'h',
  ҳ: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ҷ: 'j',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

// Latin letters with a meaning of their own in Turkic and Tajik schemes, before diacritics are stripped.
const LATIN: Record<string, string> = {
  ş: 'sh',
  ș: 'sh',
  ç: 'ch',
  ğ: 'g',
  ı: 'i',
  ö: 'o',
  ü: 'u',
  ä: 'a',
  ñ: 'n',
  ž: 'j',
  š: 'sh',
  č: 'ch',
  ǵ: 'g',
};

// Apostrophes and modifier letters of Uzbek o‘ / g‘ and of the hard sign: dropped.
const APOSTROPHES = /['’‘ʻʼ`´ʹ′]/g;

/** One word (or a whole text) folded: lower case, Cyrillic and special Latin letters to the skeleton, then the scheme
 * variants (dzh/zh/j, kh/h/x, q/k, y/i, w/v, o/a) to one letter, and doubled letters to one. */
export function foldText(input: string): string {
  let s = input.normalize('NFC').toLowerCase();
  s = s.replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? c);
  s = s.replace(/[şșçğıöüäñžščǵ]/g, (c) => LATIN[c] ?? c);
  s = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(APOSTROPHES, '');
  s = s
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh|x/g, 'h')
    .replace(/q/g, 'k')
    .replace(/[yw]/g, (c) => (c === 'y' ? 'i' : 'v'))
    // Uzbek Latin o is often Russian а (Bekobod / Бекабад).
    .replace(/o/g, 'a')
    .replace(/([a-z])\1+/g, '$1');
  // Patronymic particles written together or apart (Kubanychbek uulu / Kubanychbekuulu): always apart.
  s = s.replace(/([a-z]{3,})(ulu|kizi|ugli|agli)\b/g, '$1 $2');
  return s;
}

export interface Word {
  /** The word as written, and where it stands in the text. */
  text: string;
  start: number;
  end: number;
  folded: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘ʻʼ`-][\p{L}\p{N}]+)*/gu;

/** The words of a text with their offsets and folded forms (a folded word may split in two: "bekuulu"). */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ text: m[0], start, end: start + m[0].length, folded: foldText(m[0]).replace(/-/g, '') });
  }
  return out;
}

/** The folded words of a query, without duplicates and very short noise. */
export function queryWords(q: string): string[] {
  return [
    ...new Set(
      foldText(q)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 2),
    ),
  ];
}

/** Levenshtein distance, bounded: returns max + 1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export type MatchKind = 'exact' | 'folded' | 'prefix' | 'fuzzy';

/** How a query word meets a word of the text: as written, folded, as a prefix (3+ letters), or with one typo
 * (two for long words); undefined when it does not. */
export function wordMatch(query: { raw: string; folded: string }, word: Word): MatchKind | undefined {
  if (word.text.toLowerCase() === query.raw) return 'exact';
  const parts = word.folded.split(' ');
  if (parts.includes(query.folded)) return 'folded';
  if (query.folded.length >= 3 && parts.some((p) => p.startsWith(query.folded))) return 'prefix';
  const allowed = query.folded.length >= 8 ? 2 : query.folded.length >= 4 ? 1 : 0;
  if (allowed && parts.some((p) => editDistance(query.folded, p, allowed) <= allowed)) return 'fuzzy';
  return undefined;
}

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** An article number as reports write it, in the dataset's form: "401¹", "401′", "401'" and "401.1" are "401-1". */
export function normalizeArticle(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (d) => `-${[...d].map((c) => SUPERSCRIPT[c]).join('')}`)
    .replace(/^(\d+)['’′ʹ‘]$/, '$1-1')
    .replace(/^(\d+)\.(\d+)$/, '$1-$2')
    .replace(/[‐‑–—]/g, '-');
}

/** The values nearest to `value` among `candidates` (by folded edit distance or containment), best first. */
export function nearest(value: string, candidates: readonly string[], max = 3): string[] {
  const v = foldText(value);
  return candidates
    .map((c) => {
      const f = foldText(c);
      const d = f.includes(v) || v.includes(f) ? 0.5 : editDistance(v, f, Math.max(2, Math.floor(v.length / 3)));
      return { c, d };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(v.length / 3)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}
