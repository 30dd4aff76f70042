// Conducts, forces, practice notes and sources against data/.
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const allCases = ds.countries.flatMap((c) => c.cases.cases);
const notes = ds.countries.flatMap((c) => c.practice.practice.map((n) => ({ ...n, country: c.country.country.code })));
const sources = ds.sources.flatMap((f) => f.data.sources);

t.test('conducts with usage counts', async (t) => {
  const { data } = (await app.inject('/v1/conducts')).json();
  t.same(
    data.map((c: { code: string }) => c.code),
    ds.conducts.conducts.map((c) => c.code),
  );
  for (const c of data) {
    t.equal(c.caseCount, allCases.filter((k) => k.conducts.includes(c.code)).length, `${c.code} cases`);
  }
  const one = (await app.inject('/v1/conducts/recruitment')).json();
  t.equal(one.label, ds.conducts.conducts.find((c) => c.code === 'recruitment')!.label);
  t.equal((await app.inject('/v1/conducts/flying')).statusCode, 404);
});

t.test('forces with designations and case counts', async (t) => {
  const { data } = (await app.inject('/v1/forces')).json();
  t.same(data.map((f: { id: string }) => f.id).sort(), ds.forces.forces.map((f) => f.id).sort());
  for (const f of ds.forces.forces) {
    const got = data.find((x: { id: string }) => x.id === f.id);
    t.equal(got.kind, f.kind);
    t.equal(got.designations.length, f.designations.length, `${f.id} designations`);
    t.equal(got.caseCount, allCases.filter((k) => k.force === f.id).length, `${f.id} cases`);
    got.designations.forEach((d: { country: string; from: string | null; sources: unknown[] }, i: number) => {
      t.equal(d.country, f.designations[i]!.country);
      t.equal(d.from, f.designations[i]!.from);
      t.ok(d.sources.length > 0);
    });
  }
  t.equal(
    (await app.inject('/v1/forces/wagner-group')).json().name,
    ds.forces.forces.find((f) => f.id === 'wagner-group')!.name,
  );
  t.equal((await app.inject('/v1/forces/nobody')).statusCode, 404);
});

t.test('practice notes: filters, statistics, pagination', async (t) => {
  const uz = (await app.inject('/v1/practice?country=UZ&limit=200')).json();
  t.same(
    uz.data.map((n: { id: string }) => n.id).sort(),
    notes
      .filter((n) => n.country === 'UZ')
      .map((n) => n.id)
      .sort(),
  );
  // Every typed statistic, as a whole object, against data/ (the sources of a figure default to its note's).
  const withStats = notes.filter((n) => n.statistics.length > 0);
  t.ok(withStats.length >= 10, `notes with statistics: ${withStats.length}`);
  for (const n of withStats) {
    const one = (await app.inject(`/v1/practice/${n.id}`)).json();
    t.equal(one.statement, n.statement);
    t.same(
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
    t.same(
      one.penaltiesStated.map((p: { provision: { id: string } | null }) => ({
        ...p,
        provision: p.provision?.id ?? null,
      })),
      n.penaltiesStated.map((p) => ({
        id: `${n.id}#${p.id}`,
        provision: p.provision ?? null,
        part: p.part ?? null,
        kind: p.kind,
        min: p.min,
        max: p.max,
        unit: p.unit,
        role: p.role,
        context: p.context ?? null,
      })),
    );
  }
  const stance = (await app.inject('/v1/practice?stance=prosecutes&limit=200')).json();
  t.equal(stance.data.length, notes.filter((n) => n.stance === 'prosecutes').length);
  const seen: string[] = [];
  let url: string | null = '/v1/practice?limit=9';
  while (url) {
    const res = await app.inject(url);
    seen.push(...res.json().data.map((n: { id: string }) => n.id));
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  t.same(seen.sort(), notes.map((n) => n.id).sort());
  t.equal((await app.inject('/v1/practice/none')).statusCode, 404);
  t.equal((await app.inject('/v1/practice?stance=maybe')).statusCode, 400);
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
});

t.test('sources: every one, with citation counts and filters', async (t) => {
  const seen: string[] = [];
  let url: string | null = '/v1/sources?limit=200';
  while (url) {
    const res = await app.inject(url);
    seen.push(...res.json().data.map((s: { id: string }) => s.id));
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  t.same(seen.sort(), sources.map((s) => s.id).sort());
  const seed = (await app.inject('/v1/sources/kyivindependent-2024-06-24-kyrgyz-man-5-years')).json();
  const want = sources.find((s) => s.id === 'kyivindependent-2024-06-24-kyrgyz-man-5-years')!;
  t.equal(seed.url, want.url);
  t.equal(seed.publisher, want.publisher);
  t.ok(seed.citedBy > 0, 'the seed report is cited');
  const media = (await app.inject('/v1/sources?kind=media&limit=200')).json();
  const wantMedia = sources.filter((s) => s.kind === 'media').map((s) => s.id);
  t.ok(wantMedia.length > 20, 'data/ has media sources to filter');
  t.equal(media.data.length, Math.min(200, wantMedia.length));
  t.same(
    media.data.filter((s: { id: string; kind: string }) => s.kind !== 'media' || !wantMedia.includes(s.id)),
    [],
    'only media sources, each one of data/',
  );
  t.equal((await app.inject('/v1/sources/none')).statusCode, 404);
  t.equal((await app.inject('/v1/sources?language=english')).statusCode, 400);
});
