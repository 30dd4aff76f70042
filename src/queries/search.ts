// Full-text search with PostgreSQL: websearch queries in English, Russian and without stemming, ranked, with snippets.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { SearchHit } from '../domain/search.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { invalidParameter } from '../http/problem.js';

/** The tsquery of `q` in the three configurations the documents are indexed in. */
export function tsQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('english'::regconfig, ${q}) || websearch_to_tsquery('russian'::regconfig, ${q}) || websearch_to_tsquery('simple'::regconfig, ${q}))`;
}

/** "The record of this type and id matches q", for the q filter of lists. */
export function matchesText(docType: string, idColumn: SQL, q: string): SQL {
  return sql`exists (select 1 from search_documents d where d.doc_type = ${docType} and d.doc_id = ${idColumn} and d.tsv @@ ${tsQuery(q)})`;
}

const HREF: Record<string, string> = {
  provision: '/v1/provisions/',
  case: '/v1/cases/',
  practice: '/v1/practice/',
  source: '/v1/sources/',
};
const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2';

export async function search(
  db: Db,
  f: { q: string; type?: string | undefined; country?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ data: SearchHit[]; next: string | null }> {
  const after = decodeCursor(f.cursor, 3);
  if (after && !Number.isFinite(Number(after[0])))
    throw invalidParameter('query', 'cursor', 'is not a cursor returned by this API');
  const query = tsQuery(f.q);
  const rows = await queryRows<{
    doc_type: string;
    doc_id: string;
    country_code: string | null;
    title: string;
    en: string;
    ru: string;
    rank: string;
  }>(
    db,
    sql`with hits as (
          select doc_type, doc_id, country_code, title, body, ts_rank(tsv, ${query})::float8 as rank
          from search_documents
          where tsv @@ ${query}
            ${f.type ? sql`and doc_type = ${f.type}` : sql``}
            ${f.country ? sql`and country_code = ${f.country}` : sql``})
        select doc_type, doc_id, country_code, title, rank::text as rank,
          ts_headline('english'::regconfig, body, websearch_to_tsquery('english'::regconfig, ${f.q}), ${HEADLINE}) as en,
          ts_headline('russian'::regconfig, body, websearch_to_tsquery('russian'::regconfig, ${f.q}), ${HEADLINE}) as ru
        from hits
        ${after ? sql`where (rank < ${Number(after[0])}::float8 or (rank = ${Number(after[0])}::float8 and (doc_type, doc_id) > (${after[1]}, ${after[2]})))` : sql``}
        order by rank desc, doc_type, doc_id
        limit ${f.limit + 1}`,
  );
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    next: rows.length > f.limit && last ? encodeCursor([last.rank, last.doc_type, last.doc_id]) : null,
    data: page.map((r) => ({
      type: r.doc_type as SearchHit['type'],
      id: r.doc_id,
      country: r.country_code,
      title: r.title,
      snippet: r.en.includes('<mark>') || !r.ru.includes('<mark>') ? r.en : r.ru,
      rank: Number(r.rank),
      href: `${HREF[r.doc_type] ?? '/'}${r.doc_id}`,
    })),
  };
}
