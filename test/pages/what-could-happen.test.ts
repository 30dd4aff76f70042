// The "what could happen" answer shows exactly the articles and penalty values of the API's consequences answer for
// the same question, in both languages, and the dataset revision to cite.
import t from 'tap';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);

type Alt = { provision: string; part: string; kind: string; min: string; max: string; unit: string };

/** The penalty alternatives a page shows, from their data attributes. */
function shownAlternatives(body: string): Alt[] {
  return [...body.matchAll(/<li\s+class="alt"([^>]*)>/g)].map((m) => {
    const a = Object.fromEntries([...m[1]!.matchAll(/data-(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    return a as Alt;
  });
}
const shownProvisions = (body: string) =>
  [...body.matchAll(/<div\s+class="applies"\s+data-provision="([^"]+)"/g)].map((m) => m[1]);

const key = (a: Alt) => `${a.provision}|${a.part}|${a.kind}|${a.min}|${a.max}|${a.unit}`;

const QUESTIONS: Record<string, string>[] = [];
for (const country of ['KZ', 'KG', 'TJ', 'TM', 'UZ'])
  for (const conduct of ['armed-conflict-participation', 'mercenary-participation', 'recruitment'])
    for (const date of ['2012-03-01', '2016-06-01', '2024-06-01']) QUESTIONS.push({ country, conduct, date });
QUESTIONS.push({ country: 'KZ', force: 'wagner-group', date: '2024-06-01' });
QUESTIONS.push({ country: 'KG', force: 'russia-armed-forces', date: '2023-01-01' });

t.test('articles and penalty values match the consequences JSON', async (t) => {
  let withPenalties = 0;
  for (const q of QUESTIONS) {
    const { country, ...rest } = q;
    const params = new URLSearchParams(rest as Record<string, string>).toString();
    const json = (await app.inject(`/v1/countries/${country}/consequences?${params}`)).json();
    const expected = json.penalties.flatMap(
      (g: { alternatives: { provision: { id: string }; part: string; penalty: Record<string, unknown> }[] }) =>
        g.alternatives.map((a) =>
          key({
            provision: a.provision.id,
            part: a.part,
            kind: String(a.penalty.kind),
            min: a.penalty.min === null ? '' : String(a.penalty.min),
            max: a.penalty.max === null ? '' : String(a.penalty.max),
            unit: a.penalty.unit === null ? '' : String(a.penalty.unit),
          }),
        ),
    );
    if (expected.length) withPenalties++;
    for (const prefix of ['', '/ru']) {
      const url = `${prefix}/what-could-happen?country=${country}&${params}`;
      const page = await app.inject(url);
      t.equal(page.statusCode, 200, url);
      t.same(
        shownProvisions(page.body),
        json.provisions.map((p: { provision: { id: string } }) => p.provision.id),
        `${url}: articles`,
      );
      t.same(shownAlternatives(page.body).map(key), expected, `${url}: penalty values`);
      for (const p of json.provisions as { provision: { article: string } }[])
        t.match(
          page.body,
          prefix ? `Ст. ${p.provision.article}` : `Art. ${p.provision.article}`,
          `${url}: article number`,
        );
      t.match(page.body, json.datasetRevision, `${url}: revision to cite`);
      if (!json.found)
        t.match(
          page.body,
          prefix ? /не значит, что деяние законно|а не что деяние законно/ : /not that the act is legal/,
        );
    }
  }
  t.ok(withPenalties > 5, `${withPenalties} questions have penalties to compare`);
});

t.test('a disputed penalty shows every value and says so; the envelope is labelled', async (t) => {
  const url = '/what-could-happen?country=KG&conduct=armed-conflict-participation&date=2024-06-01';
  const page = await app.inject(url);
  const alts = shownAlternatives(page.body).filter((a) => a.kind === 'imprisonment');
  t.same(alts.map((a) => `${a.min}-${a.max}`).sort(), ['-10', '-8', '5-10'].sort());
  t.match(page.body, /Sources disagree/);
  t.match(page.body, /Envelope of the stated values \(a summary, not a penalty any source states\)/);
  t.match(page.body, /up to 8 years/);
  t.match(page.body, /5 to 10 years/);
  const ru = await app.inject(`/ru${url}`);
  t.match(ru.body, /до 8 лет/);
  t.match(ru.body, /от 5 до 10 лет/);
  t.match(ru.body, /Источники расходятся/);
});

t.test('the form alone, and its values kept after an answer', async (t) => {
  const form = await app.inject('/what-could-happen');
  t.equal(form.statusCode, 200);
  t.match(form.body, /<label for="f-country">/);
  t.match(form.body, /<select id="f-country" name="country"/);
  const answered = await app.inject('/what-could-happen?country=UZ&conduct=mercenary-participation&date=2020-01-01');
  t.match(answered.body, /<option value="UZ"\s+selected/);
  t.match(answered.body, /value="2020-01-01"/);
  t.match(answered.body, /not legal advice/);
});
