// The pages on the real data/: what the page tests (test/pages/, on the fixture) cannot see. The disputed Kyrgyz
// penalty as data/kg records it, and every country page of the five, in both languages, rendered from the real records.
import t from 'tap';
import { app } from './app.js';
import { ds } from '../dataset.js';

t.test(
  'the Kyrgyz participation penalty on 2024-06-01: every value the sources state, and the dispute said',
  async (t) => {
    const url = '/what-could-happen?country=KG&conduct=armed-conflict-participation&date=2024-06-01';
    const page = await app.inject(url);
    t.equal(page.statusCode, 200);
    const alts = [...page.body.matchAll(/<li\s+class="alt"([^>]*)>/g)]
      .map((m) => Object.fromEntries([...m[1]!.matchAll(/data-(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]])))
      .filter((a) => a.kind === 'imprisonment');
    t.strictSame(alts.map((a) => `${a.min}-${a.max}`).sort(), ['-10', '-8', '5-10'].sort());
    t.match(page.body, /Sources disagree/);
    t.match(page.body, /up to 8 years/);
    t.match(page.body, /5 to 10 years/);
    const ru = await app.inject(`/ru${url}`);
    t.match(ru.body, /до 8 лет/);
    t.match(ru.body, /от 5 до 10 лет/);
    t.match(ru.body, /Источники расходятся/);
  },
);

t.test('every country page answers from the real records in both languages, its h1 naming the country', async (t) => {
  t.strictSame(ds.countries.map((c) => c.country.country.code).sort(), ['KG', 'KZ', 'TJ', 'TM', 'UZ']);
  for (const c of ds.countries)
    for (const prefix of ['', '/ru']) {
      const url = `${prefix}/countries/${c.country.country.code}`;
      const res = await app.inject(url);
      t.equal(res.statusCode, 200, url);
      const h1s = [...res.body.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]!);
      t.equal(h1s.length, 1, `${url}: one h1`);
      if (!prefix) t.match(h1s[0], `${c.country.country.name}: law, history and rulings`, `${url}: h1`);
    }
});
