import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const provisions = ds.countries.flatMap((c) =>
  c.law.provisions.map((p) => ({ ...p, country: c.country.country.code })),
);
const instruments = ds.countries.flatMap((c) => c.law.instruments);

t.test('every provision, with its versions, parts and penalties as in data/', async (t) => {
  for (const p of provisions) {
    const res = await app.inject(`/v1/provisions/${p.id}`);
    t.equal(res.statusCode, 200, p.id);
    const body = res.json();
    t.equal(body.country, p.country);
    t.equal(body.article, p.article);
    t.equal(body.heading, p.heading);
    t.same(body.successorOf, p.successorOf);
    t.equal(body.versions.length, p.versions.length);
    p.versions.forEach((v, i) => {
      const got = body.versions[i];
      t.equal(got.validFrom, v.validFrom);
      t.equal(got.validTo, v.validTo);
      t.same(
        got.parts.map((x: { part: string }) => x.part),
        v.parts.map((x) => x.part),
      );
      v.parts.forEach((part, j) => {
        t.same(
          got.parts[j].penalties.map(
            (x: { kind: string; min: number | null; max: number | null; unit: string | null; role: string }) => [
              x.kind,
              x.min,
              x.max,
              x.unit,
              x.role,
            ],
          ),
          part.penalties.map((x) => [x.kind, x.min, x.max, x.unit, x.role]),
          `${p.id} part ${part.part} penalties`,
        );
        for (const pen of got.parts[j].penalties) t.ok(pen.sources.length > 0, 'each penalty names its sources');
      });
      t.same(
        got.exemptions.map((e: { id: string }) => e.id),
        v.exemptions.map((e) => e.id),
      );
    });
  }
});

t.test('penalties given differently by different sources are marked disputed', async (t) => {
  const disputed = provisions.flatMap((p) =>
    p.versions.flatMap((v) =>
      v.parts
        .filter((pt) =>
          pt.penalties.some((a, i) => pt.penalties.some((b, j) => i !== j && a.kind === b.kind && a.role === b.role)),
        )
        .map((pt) => ({ id: p.id, part: pt.part })),
    ),
  );
  t.ok(disputed.length > 0, 'the dataset holds at least one disagreement');
  for (const d of disputed) {
    const body = (await app.inject(`/v1/provisions/${d.id}`)).json();
    const part = body.versions
      .flatMap((v: { parts: unknown[] }) => v.parts)
      .find((x: { part: string }) => x.part === d.part);
    t.ok(
      part.penalties.some((x: { disputed: boolean }) => x.disputed),
      `${d.id} part ${d.part}`,
    );
  }
  const undisputed = provisions.find((p) => p.versions.every((v) => v.parts.every((pt) => pt.penalties.length === 1)))!;
  const body = (await app.inject(`/v1/provisions/${undisputed.id}`)).json();
  t.notOk(body.versions[0].parts[0].penalties[0].disputed, `${undisputed.id} is not disputed`);
});

t.test('the version in force on a date', async (t) => {
  const p = provisions.find((x) => x.versions.length > 0 && x.versions[0]!.validFrom.length === 10) ?? provisions[0]!;
  const v = p.versions[0]!;
  const from = v.validFrom.length === 10 ? v.validFrom : `${v.validFrom}-01`.slice(0, 10).padEnd(10, '-01');
  const inForce = (await app.inject(`/v1/provisions/${p.id}/versions?date=${from}`)).json();
  t.equal(inForce.data.length, 1);
  t.equal(inForce.data[0].validFrom, v.validFrom);
  const before = (await app.inject(`/v1/provisions/${p.id}/versions?date=1990-01-01`)).json();
  t.same(before.data, [], 'nothing in force before the first version');
  const all = (await app.inject(`/v1/provisions/${p.id}/versions`)).json();
  t.equal(all.data.length, p.versions.length);
});

t.test('list filters: country, instrument, conduct, date; pagination covers all', async (t) => {
  const seen: string[] = [];
  let url: string | null = '/v1/provisions?limit=5';
  while (url) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 200);
    seen.push(...res.json().data.map((p: { id: string }) => p.id));
    const link = res.headers.link as string | undefined;
    url = link ? link.match(/<([^>]+)>/)![1]! : null;
  }
  t.same(seen.sort(), provisions.map((p) => p.id).sort());

  const kz = (await app.inject('/v1/provisions?country=kz')).json();
  t.same(
    kz.data.map((p: { id: string }) => p.id).sort(),
    provisions
      .filter((p) => p.country === 'KZ')
      .map((p) => p.id)
      .sort(),
  );

  const ins = instruments[0]!;
  const byIns = (await app.inject(`/v1/provisions?instrument=${ins.id}`)).json();
  t.same(
    byIns.data.map((p: { id: string }) => p.id).sort(),
    provisions
      .filter((p) => p.instrument === ins.id)
      .map((p) => p.id)
      .sort(),
  );

  const conduct = 'mercenary-participation';
  const byConduct = (await app.inject(`/v1/provisions?conduct=${conduct}&limit=200`)).json();
  t.same(
    byConduct.data.map((p: { id: string }) => p.id).sort(),
    provisions
      .filter(
        (p) =>
          p.conducts.includes(conduct) || p.versions.some((v) => v.parts.some((pt) => pt.conducts.includes(conduct))),
      )
      .map((p) => p.id)
      .sort(),
  );

  const early = (await app.inject('/v1/provisions?date=1990-01-01')).json();
  t.same(early.data, [], 'no provision of the dataset was in force in 1990');
});

t.test('instruments', async (t) => {
  const res = await app.inject('/v1/instruments');
  t.same(
    res
      .json()
      .data.map((i: { id: string }) => i.id)
      .sort(),
    instruments.map((i) => i.id).sort(),
  );
  const one = instruments.find((i) => i.replaces) ?? instruments[0]!;
  const body = (await app.inject(`/v1/instruments/${one.id}`)).json();
  t.equal(body.title, one.title);
  t.equal(body.replaces, one.replaces);
  if (one.replaces) {
    const prev = (await app.inject(`/v1/instruments/${one.replaces}`)).json();
    t.ok(prev.replacedBy.includes(one.id), 'replacedBy is the inverse of replaces');
  }
  t.equal((await app.inject('/v1/instruments/xx-cc-1900')).statusCode, 404);
  t.equal((await app.inject('/v1/instruments?kind=poem')).statusCode, 400);
});

t.test('unknown ids and bad parameters', async (t) => {
  t.equal((await app.inject('/v1/provisions/kg-cc-2021-art-999')).statusCode, 404);
  t.equal((await app.inject('/v1/provisions/kg-cc-2021-art-999/versions')).statusCode, 404);
  const bad = await app.inject('/v1/provisions?date=2024-02-30');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'date');
  const unknownIns = await app.inject('/v1/provisions?instrument=kg-cc-1066');
  t.equal(unknownIns.statusCode, 400);
  t.equal(unknownIns.json().errors[0].name, 'instrument');
});
