// Queries of the change feed.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { recordPath } from '../domain/resources.js';
import type { Change } from '../domain/changes.js';
import type { KeyKind, PageKey } from '../domain/paging.js';
import { invalidParameter } from '../domain/errors.js';
import { orEmpty } from '../db/json.js';

/** A page of the change feed and the current revision, in one statement (a `since` revision is looked up in it). */
/** The sort key of the change feed: the change's sequence number. */
export const CHANGES_KEY: readonly KeyKind[] = ['int'];

export async function listChanges(
  db: Db,
  q: { since?: string | undefined; type?: string | undefined; limit: number; after?: readonly string[] | undefined },
): Promise<{ data: Change[]; nextKey: PageKey | null; currentRevision: string | null }> {
  let after = sql`true`;
  const sinceRevision = q.since !== undefined && /^[0-9a-f]{16}$/.test(q.since) ? q.since : undefined;
  // The last import that produced the revision: changes after it.
  const sinceSeq = sql`(select max(seq) from dataset_revisions where revision = ${sinceRevision ?? ''})`;
  if (q.since !== undefined) {
    if (sinceRevision) {
      after = sql`c.revision_seq > ${sinceSeq}`;
    } else if (
      !Number.isNaN(Date.parse(q.since)) &&
      /^(19|20)\d{2}-\d{2}-\d{2}/.test(q.since) &&
      new Date(q.since).getUTCFullYear() >= 1900
    ) {
      after = sql`r.imported_at > ${new Date(q.since).toISOString()}::timestamptz`;
    } else {
      throw invalidParameter(
        'query',
        'since',
        'must be a dataset revision (16 hex digits) or an ISO 8601 timestamp from 1900 to 2099',
      );
    }
  }
  const unknownSince = () => invalidParameter('query', 'since', `unknown revision ${q.since}`);
  const cursor = q.after;
  const [row] = await queryRows<{
    current: string | null;
    since_seq: number | null;
    data: { seq: number; revision: string; imported_at: string; record_type: string; record_id: string; op: string }[];
  }>(
    db,
    sql`select (select revision from dataset_revisions order by seq desc limit 1) as current,
      ${sinceRevision ? sinceSeq : sql`null::int`} as since_seq,
      ${orEmpty(sql`select json_agg(json_build_object('seq', j.seq, 'revision', j.revision, 'imported_at', j.imported_at,
          'record_type', j.record_type, 'record_id', j.record_id, 'op', j.op) order by j.seq)
        from (select c.seq, r.revision, r.imported_at::text as imported_at, c.record_type, c.record_id, c.op
          from record_changes c join dataset_revisions r on r.seq = c.revision_seq
          where ${after} ${q.type ? sql`and c.record_type = ${q.type}` : sql``} ${cursor ? sql`and c.seq > ${Number(cursor[0])}` : sql``}
          order by c.seq limit ${q.limit + 1}) j`)} as data`,
  );
  if (sinceRevision && row!.since_seq === null) throw unknownSince();
  const rows = row!.data;
  const page = rows.slice(0, q.limit);
  return {
    currentRevision: row!.current,
    nextKey: rows.length > q.limit ? [String(page[page.length - 1]!.seq)] : null,
    data: page.map((r) => ({
      revision: r.revision,
      importedAt: new Date(r.imported_at).toISOString(),
      type: r.record_type as Change['type'],
      id: r.record_id,
      op: r.op as Change['op'],
      href: r.op === 'deleted' ? null : recordPath(r.record_type as Change['type'], r.record_id),
    })),
  };
}
