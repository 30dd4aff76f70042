// Parses citations and follows provisions through the concordance (successorOf in data/) both ways.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { LinkedProvision, Resolution } from '../domain/citations.js';
import { invalidParameter } from '../domain/errors.js';
import { normalizeArticle } from '../text/fold.js';

const COUNTRY_WORDS: [RegExp, string][] = [
  // \b is ASCII-only even with the u flag: letters are bounded with lookarounds instead.
  [/(?<!\p{L})(kg|kgz|kyrgyz\p{L}*|kirgiz\p{L}*|кыргыз\p{L}*|киргиз\p{L}*|кр|kr)(?!\p{L})/iu, 'KG'],
  [/(?<!\p{L})(kz|kaz|kazakh\p{L}*|qazaq\p{L}*|казах\p{L}*|рк|rk)(?!\p{L})/iu, 'KZ'],
  [/(?<!\p{L})(uz|uzb|uzbek\p{L}*|o.zbek\p{L}*|узбек\p{L}*|руз|ruz)(?!\p{L})/iu, 'UZ'],
  [/(?<!\p{L})(tj|tjk|tajik\p{L}*|таджик\p{L}*|рт|rt)(?!\p{L})/iu, 'TJ'],
  [/(?<!\p{L})(tm|tkm|turkmen\p{L}*|туркмен\p{L}*|тм)(?!\p{L})/iu, 'TM'],
];

export interface ParsedCitation {
  article: string;
  part: string | null;
  paragraph: string | null;
  country: string | null;
  year: number | null;
}

// An article number as written: 401-1, 401¹, 401′, 401'.
const NUM = String.raw`(\d{1,4}(?:-\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|['′’ʹ](?!\p{L}))?)`;

/** Reads article, part, country and year from a citation; returns undefined when no article number is found. */
export function parseCitation(cite: string): ParsedCitation | undefined {
  const text = cite.replace(/[‐‑–—]/g, '-').replace(/\s+/g, ' ');
  const art =
    new RegExp(
      String.raw`(?<!\p{L})(?:art(?:icle)?s?\.?|ст(?:атья|атьи|атье|атьёй|\.)?|стаття)\s*${NUM}(?:\s*\((\d{1,2})\))?`,
      'iu',
    ).exec(text) ??
    new RegExp(String.raw`(?<![\d-])${NUM}\s*-?\s*(?:modda|madde|модда)`, 'iu').exec(text) ??
    new RegExp(String.raw`(?<![\d-])${NUM}\s*\((\d{1,2})\)`, 'u').exec(text);
  if (!art) return undefined;
  const rest = text.replace(art[0], ' ');
  const partWord =
    /(?<!\p{L})(?:part|ч\.|часть|части|частью|paragraph|para\.?|qism|қисм)\s*(\d{1,2})|(?<![\d-])(\d{1,2})\s*-?\s*(?:qism|қисм|bandi|part)/iu.exec(
      rest,
    );
  const paraWord = /(?<!\p{L})(?:п\.|пункт[а-я]*|band|банд|point|item)\s*[«"]?([а-яa-z0-9])[»"]?(?!\p{L})/iu.exec(
    rest.replace(partWord?.[0] ?? '\u0000', ' '),
  );
  const year = /\b(19[5-9]\d|20[0-4]\d)\b/.exec(rest);
  let country: string | null = null;
  for (const [re, code] of COUNTRY_WORDS)
    if (re.test(text)) {
      country = code;
      break;
    }
  return {
    article: normalizeArticle(art[1]!),
    part: art[2] ?? partWord?.[1] ?? partWord?.[2] ?? null,
    paragraph: paraWord?.[1]?.toLowerCase() ?? null,
    country,
    year: year ? Number(year[1]) : null,
  };
}

type Row = {
  id: string;
  country_code: string;
  instrument_id: string;
  instrument_title: string;
  article: string;
  heading: string;
  successor_of: string[];
  valid_from: string | null;
  valid_to: string | null;
  open: boolean;
  parts: string[];
};

const SELECT = sql`
  select p.id, p.country_code, p.instrument_id, i.title as instrument_title, p.article, p.heading, p.successor_of,
    (select v.valid_from_text from provision_versions v where v.provision_id = p.id order by v.valid_from limit 1) as valid_from,
    (select v.valid_to_text from provision_versions v where v.provision_id = p.id order by v.valid_from desc limit 1) as valid_to,
    array(select distinct pp.part from provision_parts pp where pp.provision_id = p.id) as parts
  from provisions p join instruments i on i.id = p.instrument_id`;

function linked(r: Row): LinkedProvision {
  return {
    id: r.id,
    country: r.country_code as LinkedProvision['country'],
    instrument: { id: r.instrument_id, title: r.instrument_title },
    article: r.article,
    heading: r.heading,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

/** Every provision linked to `id` through successorOf, as predecessors and successors (transitively). */
async function relatives(db: Db): Promise<Map<string, Row>> {
  // The concordance is small (one row per article in data/); a recursive query would serve a larger one.
  const rows = await queryRows<Row>(db, SELECT);
  return new Map(rows.map((r) => [r.id, r]));
}

function walk(all: Map<string, Row>, id: string, dir: 'back' | 'forward'): Row[] {
  const out: Row[] = [];
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const cur of frontier) {
      const ids =
        dir === 'back'
          ? (all.get(cur)?.successor_of ?? [])
          : [...all.values()].filter((r) => r.successor_of.includes(cur)).map((r) => r.id);
      for (const x of ids) if (!seen.has(x) && all.has(x)) (seen.add(x), next.push(x), out.push(all.get(x)!));
    }
    frontier = next;
  }
  return out;
}

const byDate = (a: Row, b: Row) => (a.valid_from ?? '').localeCompare(b.valid_from ?? '') || a.id.localeCompare(b.id);

export async function resolveCitation(db: Db, cite: string): Promise<Resolution> {
  const parsed = parseCitation(cite);
  if (!parsed)
    throw invalidParameter(
      'query',
      'cite',
      'no article number found (write e.g. "Art. 416(2) CC KG" or "ст. 154 УК РУз")',
    );
  const all = await relatives(db);
  const candidates = [...all.values()]
    .filter(
      (r) =>
        r.article === parsed.article &&
        (parsed.country === null || r.country_code === parsed.country) &&
        (parsed.year === null || r.instrument_id.endsWith(`-${parsed.year}`)),
    )
    .sort(byDate);
  let note: string | null = null;
  if (candidates.length === 0) {
    note = `No article ${parsed.article}${parsed.country ? ` of ${parsed.country}` : ''}${parsed.year ? ` in a code of ${parsed.year}` : ''} is in the dataset; it may exist but not concern foreign armed conflicts, or be a gap (see /v1/countries/{code}).`;
  }
  return {
    cite,
    parsed: { ...parsed, country: parsed.country as Resolution['parsed']['country'] },
    ambiguous: candidates.length > 1,
    candidates: candidates.map((r) => ({
      provision: linked(r),
      part: parsed.part,
      partExists: parsed.part === null ? null : r.parts.includes(parsed.part),
      predecessors: walk(all, r.id, 'back').sort(byDate).map(linked),
      successors: walk(all, r.id, 'forward').sort(byDate).map(linked),
    })),
    note,
  };
}

export async function lineage(db: Db, id: string) {
  const all = await relatives(db);
  const self = all.get(id);
  if (!self) return undefined;
  const chain = [
    ...walk(all, id, 'back').map((r) => ({ ...linked(r), relation: 'predecessor' as const })),
    { ...linked(self), relation: 'self' as const },
    ...walk(all, id, 'forward').map((r) => ({ ...linked(r), relation: 'successor' as const })),
  ].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? '') || a.id.localeCompare(b.id));
  const provision = { id: self.id, article: self.article, heading: self.heading, instrument: linked(self).instrument };
  return { provision, chain };
}
