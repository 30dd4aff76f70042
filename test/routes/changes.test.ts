// The change feed: the first import creates every record; a later import lists exactly what it changed.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { parse, stringify } from 'yaml';
import { recordHashesOf } from '../../src/data/changes.js';
import { importDataDir } from '../../src/data/import.js';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const first = datasetRevision(ds);

async function allChanges(query: string) {
  const out: { type: string; id: string; op: string; revision: string; href: string | null }[] = [];
  let url: string | null = `/v1/changes?limit=200${query}`;
  while (url) {
    const res: Awaited<ReturnType<typeof app.inject>> = await app.inject(url);
    t.equal(res.statusCode, 200);
    out.push(...res.json().data);
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  return out;
}

t.test('the first import created every record', async (t) => {
  const changes = await allChanges('');
  // Exactly the records of data/, each once, each created by the first revision.
  t.same(changes.map((c) => `${c.type}:${c.id}`).sort(), [...recordHashesOf(ds).keys()].sort());
  t.same(
    changes.map((c) => [c.op, c.revision]),
    changes.map(() => ['created', first]),
  );
  const k = changes.find((c) => c.type === 'case')!;
  t.equal(k.href, `/v1/cases/${k.id}`);
  t.same(await allChanges(`&since=${first}`), [], 'nothing after the current revision');
});

t.test('a later import: one update, one deletion (tombstone), nothing else', async (t) => {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'ca-law-')), 'data');
  t.teardown(() => rm(path.dirname(dir), { recursive: true, force: true }));
  await cp('data', dir, { recursive: true });
  const file = path.join(dir, 'uz', 'cases.yaml');
  const doc = parse(await readFile(file, 'utf8'));
  const updated = doc.cases[0].id;
  doc.cases[0].summary += ' (Edited in a test.)';
  const deleted = doc.cases.pop().id;
  await writeFile(file, stringify(doc));
  const before = new Date().toISOString();
  const result = await importDataDir(app.database.db, dir);
  t.not(result.revision, first);

  const since = await allChanges(`&since=${first}`);
  t.same(
    since.map((c) => [c.type, c.id, c.op, c.href]).sort(),
    [
      ['case', deleted, 'deleted', null],
      ['case', updated, 'updated', `/v1/cases/${updated}`],
    ].sort(),
  );
  t.same(
    since.map((c) => c.revision),
    [result.revision, result.revision],
  );
  t.same((await allChanges(`&since=${before}`)).length, 2, 'since a timestamp');
  t.same((await allChanges(`&since=${first}&type=source`)).length, 0, 'filtered by type');
  const res = await app.inject(`/v1/changes?since=${first}`);
  t.equal(res.json().currentRevision, result.revision);

  // Importing the original files again is a revert: the deleted case comes back as created.
  await importDataDir(app.database.db, 'data');
  const back = await allChanges(`&since=${result.revision}`);
  t.same(
    back.map((c) => [c.id, c.op]).sort(),
    [
      [deleted, 'created'],
      [updated, 'updated'],
    ].sort(),
  );
});

t.test('bad since: 400 naming it', async (t) => {
  for (const since of ['ffffffffffffffff', 'yesterday']) {
    const res = await app.inject(`/v1/changes?since=${since}`);
    t.equal(res.statusCode, 400, since);
    t.equal(res.json().errors[0].name, 'since');
  }
});

t.test('the change feed as CSV', async (t) => {
  const json = (await app.inject('/v1/changes?limit=30')).json().data;
  const res = await app.inject('/v1/changes?limit=30&format=csv');
  t.match(res.headers['content-type'], /^text\/csv/);
  const rows = res.body.trim().split('\r\n');
  t.equal(rows[0], 'revision,importedAt,type,id,op,href');
  t.equal(rows.length - 1, json.length);
  t.match(rows[1]!, new RegExp(`^${json[0].revision},`));
});
