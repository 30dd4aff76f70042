// Conducts, forces, practice notes, sources, the change feed and the bulk files on the REAL data/: every record of
// data/ is served, each statistic of data/ as the file gives it, the seed statement where it belongs. The behaviours
// are tested on the fixture (test/routes/registry.test.ts, changes.test.ts, exports.test.ts).
import t from 'tap';
import { recordHashesOf } from '../../../src/data/changes.js';
import { datasetRevision } from '../../../src/data/revision.js';
import { app } from './app.js';
import { ds } from '../dataset.js';

const allCases = ds.countries.flatMap((c) => c.cases.cases);
const notes = ds.countries.flatMap((c) => c.practice.practice.map((n) => ({ ...n, country: c.country.country.code })));
const sources = ds.sources.flatMap((f) => f.data.sources);

async function walk(first: string): Promise<{ id: string }[]> {
  const seen: { id: string }[] = [];
  let url: string | null = first;
  while (url) {
    const res: Awaited<ReturnType<typeof app.inject>> = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    seen.push(...res.json().data);
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  return seen;
}

t.test('every conduct, force, note and source of data/, with the case counts of data/', async (t) => {
  const conducts = (await app.inject('/v1/conducts')).json().data as { code: string; caseCount: number }[];
  t.strictSame(
    conducts.map((c) => [c.code, c.caseCount]),
    ds.conducts.conducts.map((c) => [c.code, allCases.filter((k) => k.conducts.includes(c.code)).length]),
  );
  const forces = (await app.inject('/v1/forces')).json().data as { id: string; caseCount: number }[];
  t.strictSame(
    forces.map((f) => [f.id, f.caseCount]).sort(),
    ds.forces.forces.map((f) => [f.id, allCases.filter((k) => k.force === f.id).length]).sort(),
  );
  t.strictSame((await walk('/v1/practice?limit=200')).map((n) => n.id).sort(), notes.map((n) => n.id).sort());
  t.strictSame((await walk('/v1/sources?limit=200')).map((s) => s.id).sort(), sources.map((s) => s.id).sort());
});

t.test('every statistic of data/, as the file gives it (its sources defaulting to its note’s)', async (t) => {
  const withStats = notes.filter((n) => n.statistics.length > 0);
  t.ok(withStats.length >= 10, `notes with statistics: ${withStats.length}`);
  for (const n of withStats) {
    const one = (await app.inject(`/v1/practice/${n.id}`)).json();
    t.strictSame(
      one.statistics.map((s: { sources: { id: string }[] }) => ({ ...s, sources: s.sources.map((x) => x.id) })),
      n.statistics.map((s) => ({
        id: `${n.id}#${s.id}`,
        measure: s.measure,
        value: s.value,
        valueMax: s.valueMax ?? null,
        qualifier: s.qualifier,
        from: s.from,
        to: s.to,
        scope: {
          provisions: s.scope.provisions,
          conflict: s.scope.conflict ?? null,
          force: s.scope.force ?? null,
          region: s.scope.region ?? null,
        },
        sentence: s.sentence ?? null,
        disputed: s.dispute !== undefined,
        dispute: s.dispute ?? null,
        note: s.note ?? null,
        basis: s.basis ?? n.basis,
        sources: [...new Set(s.sources ?? n.sources)],
      })),
      n.id,
    );
  }
});

t.test('the seed statement on prosecution of returnees is in the practice of UZ, KZ and TJ', async (t) => {
  for (const country of ['UZ', 'KZ', 'TJ']) {
    const { data } = (await app.inject(`/v1/practice?country=${country}&limit=200`)).json();
    t.ok(
      data.some((n: { sources: { id: string }[] }) =>
        n.sources.some((s) => s.id === 'freeeurasia-2025-12-15-central-asian-pows'),
      ),
      `${country} cites the Free Eurasia report`,
    );
  }
  const seed = (await app.inject('/v1/sources/kyivindependent-2024-06-24-kyrgyz-man-5-years')).json();
  t.ok(seed.citedBy > 0, 'the seed report is cited');
});

t.test('the change feed of the first import: every record of data/, once, created', async (t) => {
  const changes = (await walk('/v1/changes?limit=200')) as unknown as { type: string; id: string; op: string }[];
  t.strictSame(changes.map((c) => `${c.type}:${c.id}`).sort(), [...recordHashesOf(ds).keys()].sort());
  t.ok(changes.every((c) => c.op === 'created'));
});

t.test('the bulk files: the revision of data/ and every case', async (t) => {
  const list = (await app.inject('/v1/export')).json();
  t.equal(list.revision, datasetRevision(ds));
  const cases = list.files.find((f: { href: string }) => f.href === '/v1/export/cases.ndjson');
  t.equal(cases.records, allCases.length);
});
