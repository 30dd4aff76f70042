// The provisions, instruments and citations of the real data/ as the API serves them: every provision with its
// versions, parts and penalties as in the YAML, found by the citation people write, with its concordance both ways.
// The behaviours (dates, filters, pages, disputes, lineage) are tested on the fixture in test/routes/richer/provisions.ts
// and test/routes/citations.test.ts.
import t from 'tap';
import { app } from './app.js';
import { ds } from '../dataset.js';

const provisions = ds.countries.flatMap((c) =>
  c.law.provisions.map((p) => ({ ...p, country: c.country.country.code })),
);
const instruments = ds.countries.flatMap((c) => c.law.instruments);
const get = async (url: string) => {
  const res = await app.inject(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return res.json();
};

t.test('every provision, with its versions, parts and penalties as in data/', async (t) => {
  for (const p of provisions) {
    const body = await get(`/v1/provisions/${p.id}`);
    t.strictSame(
      [body.country, body.article, body.heading, body.successorOf],
      [p.country, p.article, p.heading, p.successorOf],
      p.id,
    );
    t.strictSame(
      body.versions.map(
        (v: {
          validFrom: string;
          validTo: string | null;
          parts: {
            part: string;
            penalties: { kind: string; min: number; max: number; unit: string; role: string }[];
          }[];
          exemptions: { id: string }[];
        }) => [
          v.validFrom,
          v.validTo,
          v.parts.map((x) => [x.part, x.penalties.map((y) => [y.kind, y.min, y.max, y.unit, y.role])]),
          v.exemptions.map((e) => e.id),
        ],
      ),
      p.versions.map((v) => [
        v.validFrom,
        v.validTo,
        v.parts.map((x) => [x.part, x.penalties.map((y) => [y.kind, y.min, y.max, y.unit, y.role])]),
        v.exemptions.map((e) => e.id),
      ]),
      `${p.id} versions`,
    );
    for (const v of body.versions)
      for (const part of v.parts)
        for (const pen of part.penalties) t.ok(pen.sources.length > 0, `${pen.id} names its sources`);
  }
  t.strictSame(
    (await get('/v1/provisions?limit=200')).data.map((p: { id: string }) => p.id).sort(),
    provisions.map((p) => p.id).sort(),
    'the list holds every provision',
  );
  t.strictSame(
    (await get('/v1/instruments')).data.map((i: { id: string }) => i.id).sort(),
    instruments.map((i) => i.id).sort(),
    'and every instrument',
  );
});

t.test('every provision is found by "Art. N(part) CC XX", with its predecessors and successors', async (t) => {
  for (const p of provisions) {
    // A related article, or one whose texts were not read, has no recorded part: it is cited without one.
    const part = p.versions.flatMap((v) => v.parts)[0]?.part;
    const cite = `Art. ${p.article}${part ? `(${part})` : ''} CC ${p.country}`;
    const body = await get(`/v1/resolve?cite=${encodeURIComponent(cite)}`);
    const hit = body.candidates.find((c: { provision: { id: string } }) => c.provision.id === p.id);
    t.ok(hit, `${p.id} found by ${cite}`);
    t.equal(hit?.partExists, part ? true : null);
    const direct = (x: { id: string }[]) => x.map((y) => y.id);
    t.ok(
      p.successorOf.every((id) => direct(hit?.predecessors ?? []).includes(id)),
      `${p.id}: its successorOf are among its predecessors`,
    );
    for (const q of provisions.filter((q) => q.successorOf.includes(p.id)))
      t.ok(direct(hit?.successors ?? []).includes(q.id), `${q.id} succeeds ${p.id}`);
  }
});

t.test('without a country every article with that number is a candidate', async (t) => {
  const counts = new Map<string, number>();
  for (const p of provisions) counts.set(p.article, (counts.get(p.article) ?? 0) + 1);
  for (const [article, n] of counts) {
    const body = await get(`/v1/resolve?cite=${encodeURIComponent(`article ${article}`)}`);
    t.strictSame([body.candidates.length, body.ambiguous], [n, n > 1], `article ${article}`);
  }
});
