// Queries of the change feed.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import { recordPath } from '../domain/resources.js';
import type { Change } from '../domain/changes.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { invalidParameter } from '../domain/errors.js';

export async function listChanges(
  db: Db,
  q: { since?: string | undefined; type?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ data: Change[]; next: string | null }> {
  let after = sql`true`;
  if (q.since !== undefined) {
    if (/^[0-9a-f]{16}$/.test(q.since)) {
      const [rev] = await queryRows<{ seq: number }>(
        db,
        sql`select max(seq) as seq from dataset_revisions where revision = ${q.since} having max(seq) is not null`,
      );
      if (!rev) throw invalidParameter('query', 'since', `unknown revision ${q.since}`);
      after = sql`c.revision_seq > ${rev.seq}`;
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
  const cursor = decodeCursor(q.cursor, ['int']);
  const rows = await queryRows<{
    seq: number;
    revision: string;
    imported_at: string;
    record_type: string;
    record_id: string;
    op: string;
  }>(
    db,
    sql`select c.seq, r.revision, r.imported_at::text as imported_at, c.record_type, c.record_id, c.op
        from record_changes c join dataset_revisions r on r.seq = c.revision_seq
        where ${after} ${q.type ? sql`and c.record_type = ${q.type}` : sql``} ${cursor ? sql`and c.seq > ${Number(cursor[0])}` : sql``}
        order by c.seq limit ${q.limit + 1}`,
  );
  const page = rows.slice(0, q.limit);
  return {
    next: rows.length > q.limit ? encodeCursor([String(page[page.length - 1]!.seq)]) : null,
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
