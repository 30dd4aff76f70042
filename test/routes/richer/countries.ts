// The countries on the richer fixture (test/fixtures/richer.ts): the counts follow the records (KG: 5 instruments,
// 5 provisions, 5 cases), a code in any case, an unknown code. The base fixture's whole answers are in
// fixture.test.ts; the real data/ in test/data/answers/cases.ts.
import t from 'tap';
import { sourceRef } from '../../fixtures/dataset.js';
import { expectBadParameters } from '../../helper.js';
import { app } from './app.js';

const src = (id: string) => sourceRef(id);
// KG: the 2017 and 2020 codes, the amending, repealing and amnesty acts; arts. 155 (2017), 30, 100, 101, 102;
// A.A., B.B., D.D., E.E., F.F. UZ as in the base fixture.
const KG = {
  code: 'KG',
  name: 'Kyrgyzstan',
  nameOriginal: null,
  summary: 'Fixture summary of Kyrgyzstan.',
  counts: { instruments: 5, provisions: 5, cases: 5, practiceNotes: 1 },
  gaps: [{ topic: 'statistics', note: 'Fixture gap: no yearly statistics found.' }],
  sources: [src('fixture-code-kg')],
};
const UZ = {
  code: 'UZ',
  name: 'Uzbekistan',
  nameOriginal: null,
  summary: 'Fixture summary of Uzbekistan.',
  counts: { instruments: 2, provisions: 2, cases: 1, practiceNotes: 1 },
  gaps: [{ topic: 'penalties', note: 'Fixture gap: the text of art. 154 before 2021 was not read.' }],
  sources: [src('fixture-code-uz')],
};

t.test('the countries the data holds, with counts that follow the records', async (t) => {
  const res = await app.inject('/v1/countries');
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^application\/json/);
  t.strictSame(res.json(), { data: [KG, UZ] });
});

t.test('one country, its code in upper or lower case', async (t) => {
  for (const code of ['KG', 'kg']) {
    const res = await app.inject(`/v1/countries/${code}`);
    t.equal(res.statusCode, 200, code);
    t.strictSame(res.json(), KG, code);
  }
  t.strictSame((await app.inject('/v1/countries/uz')).json(), UZ);
});

t.test('an unknown country code is a 400 problem naming the path parameter', async (t) => {
  const res = await app.inject('/v1/countries/RU');
  t.equal(res.statusCode, 400);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.strictSame(
    res.json().errors.map((e: { name: string; in: string }) => [e.name, e.in]),
    [['code', 'path']],
  );
  await expectBadParameters(t, app, [
    ['/v1/countries/K', 'code'],
    ['/v1/countries/KGZ', 'code'],
    ['/v1/countries/Kg', 'code'], // "KG, or in lower case": not mixed
  ]);
});

t.test('a country of the service the data holds nothing for is a 404 problem naming it', async (t) => {
  const res = await app.inject('/v1/countries/KZ');
  t.equal(res.statusCode, 404);
  t.strictSame([res.json().type, res.json().detail], ['/problems/not-found', 'no country has the id KZ']);
});
