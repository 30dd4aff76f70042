// Search over every kind of record: each query word matches through English and Russian stemming (tsvector) or
// through the folded text by trigram similarity (another script, another transliteration, a prefix, a typo). Records
// are ranked by how many words they match and how well; a word that matches nothing hides nothing.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { SearchHit } from '../domain/search.js';
import type { KeyKind, PageKey } from '../domain/paging.js';
import { invalidParameter } from '../domain/errors.js';
import { wordsOf, wordMatch, type MatchKind, type Word } from '../text/fold.js';

interface QueryWord {
  raw: string;
  folded: string;
}

export interface ParsedQuery {
  words: QueryWord[];
  phrases: string[];
  excluded: string[];
}

const NOISE = new Set(['or', 'and', 'the', 'of', 'и', 'или']);

/** Words, "quoted phrases" and -excluded words of a query. */
export function parseQuery(q: string): ParsedQuery {
  const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter(Boolean);
  const rest = q.replace(/"[^"]*"/g, ' ');
  const excluded: string[] = [];
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  // A word that folds to two ("Kubanychbekuulu" -> "kubanichbek ulu") is searched as both.
  const add = (w: Word) => {
    const raw = w.text.toLowerCase();
    if (NOISE.has(raw)) return;
    for (const folded of w.folded.split(' '))
      if (!seen.has(folded)) {
        seen.add(folded);
        words.push({ raw, folded });
      }
  };
  for (const token of rest.split(/\s+/).filter(Boolean)) {
    const neg = token.startsWith('-') && token.length > 1;
    for (const w of wordsOf(neg ? token.slice(1) : token)) {
      if (neg) excluded.push(w.text.toLowerCase());
      else add(w);
    }
  }
  for (const p of phrases) wordsOf(p).forEach(add);
  return { words, phrases, excluded };
}

const tsq = (fn: 'plainto_tsquery' | 'phraseto_tsquery', text: string) =>
  sql`(${sql.raw(fn)}('english'::regconfig, ${text}) || ${sql.raw(fn)}('russian'::regconfig, ${text}) || ${sql.raw(fn)}('simple'::regconfig, ${text}))`;

/** The vocabulary terms near a folded word (itself, its continuations, its near spellings) as one tsquery over the
 * folded vector: the trigram work is done on the short search_terms table, the document lookup by index. */
function nearTerms(w: QueryWord): SQL {
  if (w.folded.length < 3) return sql`to_tsquery('simple'::regconfig, ${w.folded})`;
  // The word itself when the vocabulary has it, else its continuations (a prefix typed); and near spellings.
  return sql`(select coalesce(to_tsquery('simple'::regconfig, string_agg(t.term, ' | ')), to_tsquery('simple'::regconfig, ${w.folded}))
    from (select term from (
            select term, 2 as pri from search_terms where term = ${w.folded}
            union all
            select term, 1 from search_terms where term like ${`${w.folded}%`} and term <> ${w.folded}
              and not exists (select 1 from search_terms where term = ${w.folded})
            union all
            select term, 0 from search_terms where term % ${w.folded} and term <> ${w.folded}) c
          order by pri desc, similarity(term, ${w.folded}) desc limit 12) t)`;
}

/** The three tsqueries of one word: stemmed (s), the folded word itself (e), and its near terms (n). */
function wordQueries(w: QueryWord): SQL {
  return sql`select ${tsq('plainto_tsquery', w.raw)} as s, to_tsquery('simple'::regconfig, ${w.folded}) as e, ${nearTerms(w)} as n`;
}

// A word's queries are read as scalar subqueries of its CTE: the planner runs each once (an InitPlan) and can then use
// it as an index condition, where a joined CTE would force a scan of every document.
const col = (q: string, c: 's' | 'e' | 'n') => `(select ${q}.${c} from ${q})`;

/** "The record of this type and id matches q", for the q filter of lists: every word must match, any spelling. */
export function matchesText(docType: string, idColumn: SQL, q: string): SQL {
  const { words, phrases, excluded } = parseQuery(q);
  const conds = [
    ...words.map(
      (w) =>
        sql`(d.tsv @@ (select s from (${wordQueries(w)}) w) or d.folded_tsv @@ (select n from (${wordQueries(w)}) w))`,
    ),
    ...phrases.map((p) => sql`d.tsv @@ ${tsq('phraseto_tsquery', p)}`),
    ...excluded.map((x) => sql`not d.tsv @@ ${tsq('plainto_tsquery', x)}`),
  ];
  if (conds.length === 0) return sql`false`;
  return sql`exists (select 1 from search_documents d where d.doc_type = ${docType} and d.doc_id = ${idColumn}
    and ${sql.join(conds, sql` and `)})`;
}

const HREF: Record<string, (id: string, country: string | null) => string> = {
  case: (id) => `/v1/cases/${id}`,
  provision: (id) => `/v1/provisions/${id}`,
  instrument: (id) => `/v1/instruments/${id}`,
  practice: (id) => `/v1/practice/${id}`,
  force: (id) => `/v1/forces/${id}`,
  source: (id) => `/v1/sources/${id}`,
  gap: (_id, country) => `/v1/countries/${country}`,
};

/** The sort key of search results: the rank (descending), then the record's type and id. */
export const SEARCH_KEY: readonly KeyKind[] = ['number', 'id', 'id'];

/**
 * The ranking is lexicographic: the number of query words a record matches (m), then how many of them it matches
 * strongly (st: by stem or as the folded word, not by a near spelling), then the text score. The rank shown says all
 * three in one number, higher is better: m + (st + score / (1 + score)) / (k + 1) for k query words, so that its whole
 * part is the number of words matched.
 *
 * Because the order is lexicographic, a page is read tier by tier: the records of the best (m, st) first, found by
 * index as the conjunctions that tier needs ("both words, both strongly"), and only when a tier has fewer records
 * than the page needs is the next one read. A common word thus costs nothing while a rarer one fills the page, and
 * near spellings are ranked only when the exact and stemmed matches run out.
 */
interface Tier {
  /** The (m, st) cells of the tier, as a condition on the columns m and st. */
  cells: string;
  /** The smallest rank a record of the tier can have, to skip the tiers a cursor has passed. */
  floor: number;
  /** A condition true of every record of the tier (and of some better ones), usable by the indexes. */
  superset: SQL;
}

// Beyond this many query words the tiers are coarse (every word strongly; every word; the rest), which keeps the
// statement small; beyond this many conjunctions a tier's index condition drops its strong/near distinction.
const FINE_TIERS_UP_TO = 4;
const MAX_CONJUNCTIONS = 8;

function subsets(n: number, size: number, from = 0): number[][] {
  if (size === 0) return [[]];
  const out: number[][] = [];
  for (let i = from; i <= n - size; i++) for (const rest of subsets(n, size - 1, i + 1)) out.push([i, ...rest]);
  return out;
}

function choose(n: number, r: number): number {
  let c = 1;
  for (let i = 0; i < r; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

/**
 * The records matching at least m words of which at least st strongly, as one tsquery over both vectors at once
 * (the index search_documents_match_idx): an OR of conjunctions, which GIN answers by stepping through the entries
 * of the rarer words and looking the common ones up only there.
 */
function atLeast(names: string[], m: number, st: number): SQL {
  const k = names.length;
  const strong = choose(k, m) * choose(m, st) <= MAX_CONJUNCTIONS;
  if (choose(k, m) > MAX_CONJUNCTIONS) m = 1;
  const conj: string[] = [];
  for (const M of subsets(k, m))
    for (const S of strong ? subsets(m, st) : [[]]) {
      const s = new Set(S.map((j) => M[j]!));
      // Strongly: by stem or as the folded word; at all: by stem or by a near term (which includes the word itself).
      conj.push(
        M.map((i) => (s.has(i) ? `(${names[i]}.s || ${names[i]}.e)` : `(${names[i]}.s || ${names[i]}.n)`)).join(' && '),
      );
    }
  return sql.raw(
    `(d.tsv || d.folded_tsv) @@ (select ${conj.map((c) => `(${c})`).join(' || ')} from ${names.join(', ')})`,
  );
}

export function tiersOf(names: string[]): Tier[] {
  const k = names.length;
  const floor = (m: number, st: number) => m + st / (k + 1);
  const tiers: Tier[] = [];
  if (k <= FINE_TIERS_UP_TO) {
    for (let m = k; m >= 1; m--)
      for (let st = m; st >= 0; st--)
        tiers.push({ cells: `m = ${m} and st = ${st}`, floor: floor(m, st), superset: atLeast(names, m, st) });
  } else {
    tiers.push({ cells: `m = ${k} and st = ${k}`, floor: floor(k, k), superset: atLeast(names, k, k) });
    tiers.push({ cells: `m = ${k} and st < ${k}`, floor: floor(k, 0), superset: atLeast(names, k, 0) });
    tiers.push({ cells: `m < ${k}`, floor: floor(1, 0), superset: atLeast(names, 1, 0) });
  }
  return tiers;
}

export interface SearchFilter {
  q: string;
  type?: string | undefined;
  country?: string | undefined;
  limit: number;
  after?: readonly string[] | undefined;
}

/** The one statement of a search page (null: the cursor is past every tier), and the parsed query. */
export function searchStatement(f: SearchFilter): { parsed: ParsedQuery; statement: SQL | null; tiers: number } {
  const after = f.after;
  const parsed = parseQuery(f.q);
  if (parsed.words.length === 0) throw invalidParameter('query', 'q', 'has no word to search for');
  const names = parsed.words.map((_, i) => `w${i}`);
  const k = names.length;
  const ctes = sql.join(
    parsed.words.map((w, i) => sql`${sql.raw(names[i]!)} as materialized (${wordQueries(w)})`),
    sql`, `,
  );
  // Each word's three matches are evaluated once per candidate (a: by stem, b: as the folded word, c: by a near
  // term), the counts from them, and the text score only for the records of the tier.
  const flags = names
    .map(
      (n, i) =>
        `d.tsv @@ ${col(n, 's')} as a${i}, d.folded_tsv @@ ${col(n, 'e')} as b${i}, d.folded_tsv @@ ${col(n, 'n')} as c${i}`,
    )
    .join(', ');
  const m = names.map((_, i) => `(a${i} or c${i})::int`).join(' + ');
  const st = names.map((_, i) => `(a${i} or b${i})::int`).join(' + ');
  const score = names
    .map(
      (n, i) =>
        `case when a${i} then 1 + ts_rank(tsv, ${col(n, 's')}) else 0 end + case when b${i} then 0.5 else 0 end` +
        ` + case when c${i} then 0.5 + ts_rank(folded_tsv, ${col(n, 'n')}) else 0 end`,
    )
    .join(' + ');
  const filters = sql.join(
    [
      ...parsed.phrases.map((p) => sql`and d.tsv @@ ${tsq('phraseto_tsquery', p)}`),
      ...parsed.excluded.map((x) => sql`and not d.tsv @@ ${tsq('plainto_tsquery', x)}`),
      f.type ? sql`and d.doc_type = ${f.type}` : sql``,
      f.country ? sql`and ${f.country} = any(d.countries)` : sql``,
    ],
    sql` `,
  );
  const afterRank = after ? Number(after[0]) : undefined;
  const afterCond = after
    ? sql`and (rank < ${afterRank}::float8 or (rank = ${afterRank}::float8 and (doc_type, doc_id) > (${after[1]}, ${after[2]})))`
    : sql``;
  // A tier whose every record ranks above the cursor is behind it (the margin covers the rounding of the rank).
  const tiers = tiersOf(names).filter((t) => afterRank === undefined || t.floor - 1e-6 <= afterRank);
  if (tiers.length === 0) return { parsed, statement: null, tiers: 0 };
  // Each tier is one branch of a UNION ALL under a LIMIT, best tier first: PostgreSQL runs the branches of an append
  // in order and stops when the limit is reached, so a tier is read only when the better ones did not fill the page.
  // (A branch with a LIMIT is never run in parallel workers, whose append could interleave the branches.)
  const branches = tiers.map(
    (t) => sql`(select doc_type, doc_id, country_code, countries, title, body, extra, rank from (
        select doc_type, doc_id, country_code, countries, title, body, extra,
          round((m + (st + score / (1 + score)) / ${k + 1})::numeric, 6)::float8 as rank from (
          select y.*, (${sql.raw(score)})::float8 as score from (
            select x.*, ${sql.raw(m)} as m, ${sql.raw(st)} as st from (
              select d.doc_type, d.doc_id, d.country_code, d.countries, d.title, d.body, d.extra, d.tsv, d.folded_tsv,
                ${sql.raw(flags)}
              from search_documents d
              where (${t.superset}) ${filters}
              offset 0) x
            offset 0) y
          where ${sql.raw(t.cells)}
          offset 0) z) r
      where true ${afterCond}
      order by rank desc, doc_type, doc_id
      limit ${f.limit + 1})`,
  );
  const statement = sql`with ${ctes}
        select doc_type, doc_id, country_code, countries, title, body, extra, rank::text as rank
        from (${sql.join(branches, sql` union all `)}) hits
        limit ${f.limit + 1}`;
  return { parsed, statement, tiers: tiers.length };
}

export async function search(db: Db, f: SearchFilter): Promise<{ data: SearchHit[]; nextKey: PageKey | null }> {
  const { parsed, statement } = searchStatement(f);
  if (!statement) return { data: [], nextKey: null };
  const rows = await queryRows<{
    doc_type: string;
    doc_id: string;
    country_code: string | null;
    countries: string[];
    title: string;
    body: string;
    extra: string;
    rank: string;
  }>(db, statement);
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    nextKey: rows.length > f.limit && last ? [last.rank, last.doc_type, last.doc_id] : null,
    data: page.map((r) => {
      const why = explain(parsed.words, r);
      return {
        type: r.doc_type as SearchHit['type'],
        id: r.doc_id,
        country: r.country_code,
        countries: r.countries,
        title: r.title,
        ...snippetOf(r.body || r.title, parsed.words),
        matched: why,
        rank: Number(r.rank),
        href: HREF[r.doc_type]!(r.doc_id, r.country_code),
      };
    }),
  };
}

/** Inflectional endings of Russian and English words: what stemming drops, and so what a stem match may differ by. */
const ENDINGS = new Set([
  '',
  // Russian noun and adjective endings (cases, numbers, genders).
  ...['а', 'я', 'о', 'е', 'ё', 'и', 'ы', 'у', 'ю', 'ь', 'й', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ов', 'ев', 'ей'],
  ...['ой', 'ом', 'ем', 'ою', 'ею', 'ую', 'юю', 'ия', 'ие', 'ий', 'ии', 'ию', 'ием', 'ый', 'ая', 'ое', 'ые', 'ых'],
  ...['их', 'ым', 'им', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими'],
  // Russian verb endings (past and present forms).
  ...['л', 'ла', 'ло', 'ли', 'ть', 'ет', 'ют', 'ут', 'ат', 'ят', 'ит', 'ен', 'ена', 'ены', 'ан', 'ана', 'аны'],
  // English endings.
  ...['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ion', 'ions', 'ly'],
]);

/** How long the beginning two words share is: for the explanations of stem and near-spelling matches. */
function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * How a query word `a` meets a record's word `b` beyond what wordMatch sees, both lower-case: 'stem' when they
 * differ only by an inflection (a common beginning of at least 4 letters and most of the shorter word, and what follows
 * it in each an ending that stemming drops: "наемников" and "наемники"); 'fuzzy' when they only share most of a
 * beginning ("наемник" and "наемничество", which the database finds as near spellings in its vocabulary, or
 * "Kubanychbak", a typo of "Kubanychbek").
 */
function stemOrNear(a: string, b: string): 'stem' | 'fuzzy' | undefined {
  const i = commonStart(a, b);
  if (i < 4 || i < 0.6 * Math.min(a.length, b.length)) return undefined;
  return ENDINGS.has(a.slice(i)) && ENDINGS.has(b.slice(i)) ? 'stem' : 'fuzzy';
}

/** How a query word meets a word of a record: as wordMatch and as stemOrNear see it. */
interface Meeting {
  matched: MatchKind | undefined;
  near: 'stem' | 'fuzzy' | undefined;
}

// Remembered per query word (whose object lives for one request) and word as written (its folded form follows from
// it): the records of a page share most of their words, and comparing each query word with every word of every
// record shown (edit distances for the typos) was half of an uncached search's time in Node.
const meetings = new WeakMap<QueryWord, Map<string, Meeting>>();
function meet(q: QueryWord, word: Word): Meeting {
  let memo = meetings.get(q);
  if (!memo) meetings.set(q, (memo = new Map()));
  let m = memo.get(word.text);
  if (!m) {
    m = { matched: wordMatch(q, word), near: stemOrNear(q.raw, word.text.toLowerCase()) };
    memo.set(word.text, m);
  }
  return m;
}

/** The best way `w` meets one of `words`; for one word, a stem match is preferred to a fuzzy one (a typo). */
function bestMatch(w: QueryWord, words: Word[]): { how: MatchKind | 'stem'; word: string } | undefined {
  const order: (MatchKind | 'stem')[] = ['exact', 'folded', 'prefix', 'stem', 'fuzzy'];
  let best: { how: MatchKind | 'stem'; word: string } | undefined;
  for (const word of words) {
    const met = meet(w, word);
    const matched = met.matched;
    const near = matched && matched !== 'fuzzy' ? undefined : met.near;
    const how = near === 'stem' ? 'stem' : (matched ?? near);
    if (how && (!best || order.indexOf(how) < order.indexOf(best.how))) best = { how, word: word.text };
  }
  return best;
}

/** Why a record matched: for each query word, the field and word it met and how. */
function explain(words: QueryWord[], r: { title: string; body: string; extra: string; doc_id: string }) {
  const fields = [
    ['title', wordsCached(r.title)],
    ['body', wordsCached(r.body)],
    ['other', wordsCached(`${r.doc_id.replace(/-/g, ' ')} ${r.extra}`)],
  ] as const;
  const out: SearchHit['matched'] = [];
  for (const w of words)
    for (const [field, ws] of fields) {
      const m = bestMatch(w, [...ws]);
      if (m) {
        out.push({ term: w.raw, field, how: m.how, word: m.word });
        break;
      }
    }
  return out;
}

const WINDOW = 240;

// The folded words of the texts recently shown: folding every word of a long text is most of a search's own work,
// and the texts change only with an import. A bounded map, oldest entries dropped first.
const WORDS_CACHE_MAX = 5000;
const wordsCache = new Map<string, Word[]>();
function wordsCached(text: string): Word[] {
  let words = wordsCache.get(text);
  if (!words) {
    words = wordsOf(text);
    if (wordsCache.size >= WORDS_CACHE_MAX) wordsCache.delete(wordsCache.keys().next().value!);
    wordsCache.set(text, words);
  }
  return words;
}

/** The passage around the first match, as plain text, with the offsets of every matched word in it. */
export function snippetOf(text: string, query: QueryWord[]): { snippet: string; highlights: SearchHit['highlights'] } {
  const words = wordsCached(text);
  const hits = words.filter((w) =>
    query.some((q) => {
      const met = meet(q, w);
      return met.matched || met.near;
    }),
  );
  const first = hits[0]?.start ?? 0;
  let start = Math.max(0, first - WINDOW / 3);
  if (start > 0) start = words.find((w) => w.start >= start)?.start ?? start;
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) end = [...words].reverse().find((w) => w.end <= end)?.end ?? end;
  const prefix = start > 0 ? '…' : '';
  const snippet = `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  const shift = prefix.length - start;
  return {
    snippet,
    highlights: hits
      .filter((w) => w.start >= start && w.end <= end)
      .map((w) => ({ start: w.start + shift, end: w.end + shift })),
  };
}
