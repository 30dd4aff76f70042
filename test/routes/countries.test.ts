import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');

t.test('lists the five countries with their data counts and gaps', async (t) => {
  const res = await app.inject('/v1/countries');
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/json/);
  const { data } = res.json();
  t.same(
    data.map((c: { code: string }) => c.code),
    ds.countries.map((c) => c.country.country.code).sort(),
  );
  for (const c of ds.countries) {
    const got = data.find((x: { code: string }) => x.code === c.country.country.code);
    t.equal(got.name, c.country.country.name);
    t.equal(got.counts.cases, c.cases.cases.length, `${got.code} case count`);
    t.equal(got.counts.provisions, c.law.provisions.length, `${got.code} provision count`);
    t.equal(got.counts.practiceNotes, c.practice.practice.length);
    t.same(got.gaps, c.country.gaps, `${got.code} gaps`);
    t.same(
      got.sources.map((s: { id: string }) => s.id),
      c.country.country.sources,
    );
  }
});

t.test('one country, case-insensitive code', async (t) => {
  const kg = ds.countries.find((c) => c.dir === 'kg')!;
  const res = await app.inject('/v1/countries/kg');
  t.equal(res.statusCode, 200);
  t.equal(res.json().code, 'KG');
  t.equal(res.json().summary, kg.country.country.summary);
});

t.test('an unknown country code is a 400 naming the parameter', async (t) => {
  const res = await app.inject('/v1/countries/RU');
  t.equal(res.statusCode, 400);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.equal(res.json().errors[0].name, 'code');
  t.equal(res.json().errors[0].in, 'path');
});
