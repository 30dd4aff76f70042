// The change feed on two imports of two fixture variants: the first import creates every record (its whole answer is
// in test/routes/fixture.test.ts); a second import of an edited fixture lists exactly what it created, updated and
// deleted, oldest first, filtered by type, since a revision or a timestamp, in pages and as CSV; importing the first
// files again reverts it. Revisions are checked against the hash of each variant's files (datasetRevision).
import t from 'tap';
import { importDataDir } from '../../src/data/import.js';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { parseCsv } from '../csv.js';
import { fixtureData, fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp, expectBadParameters } from '../helper.js';

const base = await fixtureDataset(t);
const app = await buildTestApp(t, base, { responseCacheMb: 0 });

/** The second variant: C.C.'s summary edited and citing a new source, B.B.'s case deleted. */
const NEW_SOURCE = {
  ...fixtureData().sources.sources[3]!,
  id: 'fixture-second-report',
  url: 'https://example.org/fixture-second-report',
  title: 'Fixture second report',
};
const edited = await fixtureDataset(t, (d) => {
  d.sources.sources.push(NEW_SOURCE);
  const cc = d.uz.cases.cases!.find((k) => k.id === 'uz-2022-tashkent-cc')!;
  cc.summary += ' (Edited in a test.)';
  cc.sources = [...cc.sources, NEW_SOURCE.id];
  d.kg.cases.cases = d.kg.cases.cases!.filter((k) => k.id !== 'kg-2023-osh-bb');
});
const first = datasetRevision(await loadDataset(base));
const second = datasetRevision(await loadDataset(edited));

type Change = { revision: string; importedAt: string; type: string; id: string; op: string; href: string | null };
async function allChanges(query: string, limit = 200) {
  const out: Change[] = [];
  let url: string | null = `/v1/changes?limit=${limit}${query}`;
  while (url) {
    const res: Awaited<ReturnType<typeof app.inject>> = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    out.push(...res.json().data);
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  return out;
}
const importedAt = async () => (await app.inject('/v1/meta')).json().importedAt as string;

t.test('before any later import: nothing after the current revision; pages walk the whole feed', async (t) => {
  t.equal((await app.inject('/v1/meta')).json().revision, first);
  t.strictSame((await app.inject(`/v1/changes?since=${first}`)).json(), {
    currentRevision: first,
    data: [],
    page: { limit: 50, next: null },
  });
  const all = await allChanges('');
  // 6 sources (one of them Kyrgyz), 4 conducts, 1 force, 2 countries, 5 instruments, 5 provisions, 3 cases, 2 notes.
  t.equal(all.length, 28);
  t.strictSame(await allChanges('', 7), all, 'pages of 7 joined');
  t.strictSame(
    (await allChanges('&type=case')).map((c) => [c.id, c.op]),
    [
      ['kg-2023-osh-bb', 'created'],
      ['kg-2024-bishkek-aa', 'created'],
      ['uz-2022-tashkent-cc', 'created'],
    ],
  );
});

t.test('a second import: one creation, one update, one deletion (a tombstone), nothing else', async (t) => {
  const before = new Date().toISOString();
  const result = await importDataDir(app.database.db, edited);
  t.equal(result.revision, second);
  const at = await importedAt();
  const change = (revision: string, importedAt: string, type: string, id: string, op: string) => ({
    revision,
    importedAt,
    type,
    id,
    op,
    href: op === 'deleted' ? null : `/v1/${type === 'case' ? 'cases' : 'sources'}/${id}`,
  });
  // Creations and updates by (type, id), then deletions.
  const feed = [
    change(second, at, 'case', 'uz-2022-tashkent-cc', 'updated'),
    change(second, at, 'source', NEW_SOURCE.id, 'created'),
    change(second, at, 'case', 'kg-2023-osh-bb', 'deleted'),
  ];
  t.strictSame((await app.inject(`/v1/changes?since=${first}`)).json(), {
    currentRevision: second,
    data: feed,
    page: { limit: 50, next: null },
  });
  t.strictSame(await allChanges(`&since=${encodeURIComponent(before)}`), feed, 'since a timestamp before the import');
  t.strictSame(await allChanges(`&since=${first}`, 1), feed, 'in pages of one');
  t.strictSame(await allChanges(`&since=${first}&type=case`), [feed[0], feed[2]], 'only cases');
  t.strictSame(await allChanges(`&since=${first}&type=conduct`), [], 'no conduct changed');
  t.strictSame(await allChanges(`&since=${second}`), [], 'nothing after the second revision');
  // The whole feed: the 28 creations of the first import, then these three.
  const all = await allChanges('');
  t.equal(all.length, 31);
  t.strictSame(all.slice(28), feed);
  t.ok(
    all.slice(0, 28).every((c) => c.revision === first && c.op === 'created'),
    'the first import created all',
  );
  // The deleted case is gone from the API; the feed keeps its tombstone.
  t.equal((await app.inject('/v1/cases/kg-2023-osh-bb')).statusCode, 404);

  // The change feed of the second import as CSV: a row per change, the same fields.
  const csv = await app.inject(`/v1/changes?since=${first}&format=csv`);
  t.match(csv.headers['content-type'], /^text\/csv/);
  t.strictSame(
    parseCsv(csv.body),
    feed.map((c) => ({ ...c, href: c.href ?? '' })),
  );
  t.equal(csv.body.split('\r\n')[0], 'revision,importedAt,type,id,op,href');

  // Importing the first files again reverts it: the deleted case comes back, the new source goes.
  const third = await importDataDir(app.database.db, base);
  t.equal(third.revision, first, 'the same files, the same revision');
  const at3 = await importedAt();
  t.strictSame(await allChanges(`&since=${second}`), [
    change(first, at3, 'case', 'kg-2023-osh-bb', 'created'),
    change(first, at3, 'case', 'uz-2022-tashkent-cc', 'updated'),
    change(first, at3, 'source', NEW_SOURCE.id, 'deleted'),
  ]);
  // The first revision is now current again: since it, nothing (a client holding it holds the current content).
  t.strictSame(await allChanges(`&since=${first}`), []);
});

t.test('bad input: 400 naming the parameter', async (t) => {
  await expectBadParameters(t, app, [
    ['/v1/changes?since=ffffffffffffffff', 'since'], // a revision never imported
    ['/v1/changes?since=yesterday', 'since'],
    ['/v1/changes?type=poem', 'type'],
    ['/v1/changes?limit=0', 'limit'],
    ['/v1/changes?cursor=zzz', 'cursor'],
    ['/v1/changes?shoe=1', 'shoe'],
  ]);
});

t.test('statements per request: one, filtered or not', async (t) => {
  const measured: Record<string, number> = {};
  for (const url of ['/v1/changes', `/v1/changes?since=${first}`, '/v1/changes?type=case', '/v1/changes?format=csv']) {
    t.equal((await app.inject(url)).statusCode, 200, url);
    const before = app.database.statements();
    t.equal((await app.inject(url)).statusCode, 200, url);
    measured[url] = app.database.statements() - before;
  }
  t.strictSame(measured, {
    '/v1/changes': 1,
    [`/v1/changes?since=${first}`]: 1,
    '/v1/changes?type=case': 1,
    '/v1/changes?format=csv': 1,
  });
});
