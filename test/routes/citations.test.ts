// The citation resolver and lineage against the provisions and the concordance (successorOf) in data/.
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { parseCitation } from '../../src/queries/citations.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const provisions = ds.countries.flatMap((c) =>
  c.law.provisions.map((p) => ({ ...p, country: c.country.country.code })),
);
const resolve = async (cite: string) => (await app.inject(`/v1/resolve?cite=${encodeURIComponent(cite)}`)).json();

t.test('citations as people write them are parsed', async (t) => {
  t.same(parseCitation('Art. 416(2) CC KG'), { article: '416', part: '2', paragraph: null, country: 'KG', year: null });
  t.same(parseCitation('article 375 of the 1997 Kyrgyz code'), {
    article: '375',
    part: null,
    paragraph: null,
    country: 'KG',
    year: 1997,
  });
  t.same(parseCitation('ст. 154 УК РУз'), { article: '154', part: null, paragraph: null, country: 'UZ', year: null });
  t.same(parseCitation('ч. 2 ст. 172 УК РК'), {
    article: '172',
    part: '2',
    paragraph: null,
    country: 'KZ',
    year: null,
  });
  t.same(parseCitation('статья 401-1 УК Таджикистана'), {
    article: '401-1',
    part: null,
    paragraph: null,
    country: 'TJ',
    year: null,
  });
  t.same(parseCitation('154-modda 1-qism'), { article: '154', part: '1', paragraph: null, country: null, year: null });
  t.equal(parseCitation('the law on mercenaries'), undefined);
});

t.test('every provision is found by "Art. N(part) CC XX", with its part, predecessors and successors', async (t) => {
  for (const p of provisions) {
    // A related article, or one whose texts were not read, has no recorded part: it is cited without one.
    const part = p.versions.flatMap((v) => v.parts)[0]?.part;
    const body = await resolve(`Art. ${p.article}${part ? `(${part})` : ''} CC ${p.country}`);
    const hit = body.candidates.find((c: { provision: { id: string } }) => c.provision.id === p.id);
    t.ok(hit, `${p.id} found`);
    t.equal(hit.partExists, part ? true : null);
    t.same(
      hit.predecessors.map((x: { id: string }) => x.id).sort(),
      [...p.successorOf].sort().filter((id) => provisions.some((q) => q.id === id)),
    );
    const successors = provisions.filter((q) => q.successorOf.includes(p.id)).map((q) => q.id);
    t.same(hit.successors.map((x: { id: string }) => x.id).sort(), successors.sort());
    const wrongPart = await resolve(`Art. ${p.article}(9) CC ${p.country}`);
    t.equal(
      wrongPart.candidates[0].partExists,
      p.versions.some((v) => v.parts.some((x) => x.part === '9')),
    );
  }
});

t.test('without a country every article with that number is a candidate', async (t) => {
  const counts = new Map<string, number>();
  for (const p of provisions) counts.set(p.article, (counts.get(p.article) ?? 0) + 1);
  for (const [article, n] of counts) {
    const body = await resolve(`article ${article}`);
    t.equal(body.candidates.length, n, `article ${article}`);
    t.equal(body.ambiguous, n > 1);
  }
});

t.test('an article the dataset does not hold: no candidate, and a note', async (t) => {
  const body = await resolve('article 375 of the 1997 Kyrgyz code');
  t.equal(body.candidates.length, provisions.filter((p) => p.id === 'kg-cc-1997-art-375').length);
  if (body.candidates.length === 0) t.match(body.note, /No article 375 of KG in a code of 1997/);
  const bad = await app.inject('/v1/resolve?cite=mercenaries');
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].name, 'cite');
});

t.test('lineage follows the concordance both ways, oldest first', async (t) => {
  const linked = provisions.filter((p) => p.successorOf.length > 0);
  t.ok(linked.length > 0, 'the dataset links at least one article to its predecessor');
  for (const p of linked) {
    const { chain } = (await app.inject(`/v1/provisions/${p.id}/lineage`)).json();
    const self = chain.find((c: { relation: string }) => c.relation === 'self');
    t.equal(self.id, p.id);
    for (const pred of p.successorOf) {
      t.ok(
        chain.some((c: { id: string; relation: string }) => c.id === pred && c.relation === 'predecessor'),
        `${pred} precedes ${p.id}`,
      );
      const back = (await app.inject(`/v1/provisions/${pred}/lineage`)).json().chain;
      t.ok(
        back.some((c: { id: string; relation: string }) => c.id === p.id && c.relation === 'successor'),
        `${p.id} succeeds ${pred}`,
      );
    }
  }
  t.equal((await app.inject('/v1/provisions/none/lineage')).statusCode, 404);
});
