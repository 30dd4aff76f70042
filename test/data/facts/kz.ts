// Pinned facts for Kazakhstan records added in research round 3, so that an accidental edit of data/kz fails here.
// Each value below was checked against the source the record cites; change it only with a new source.
import t from 'tap';
import { ds } from '../dataset.js';

const kz = ds.countries.find((c) => c.dir === 'kz')!;
const cases = new Map(kz.cases.cases.map((k) => [k.id, k]));
const notes = new Map(kz.practice.practice.map((n) => [n.id, n]));
const sources = new Map(ds.sources.flatMap((f) => f.data.sources).map((s) => [s.id, s]));
const years = (id: string) =>
  cases
    .get(id)!
    .sentences.filter((s) => s.kind === 'imprisonment')
    .map((s) => [s.years, s.months, s.suspended]);

t.test('Abdulin, Almaty, May 2014: seven years, date worked out from the Tuesday verdict', async (t) => {
  const k = cases.get('kz-2014-almaty-abdulin')!;
  t.equal(k.defendant.name, 'Kamil Abdulin');
  t.equal(k.defendant.age, 29);
  t.equal(k.decided, '2014-05-27');
  t.equal(k.dateKind, 'inferred');
  t.match(k.dateNote ?? '', /Tuesday/);
  t.same(years('kz-2014-almaty-abdulin'), [[7, 0, false]]);
  t.equal(k.conflict, 'syria-civil-war');
  t.same(k.charges, [], 'article numbers not given in the source');
  t.ok(k.sources.includes('themoscowtimes-2014-05-28-abdulin-syria'));
});

t.test('Kazbayev: seven years served from March 2014, recorded as not-after the 2018 report', async (t) => {
  const k = cases.get('kz-2014-ekibastuz-kazbayev')!;
  t.equal(k.defendant.name, 'Azamat Kazbayev');
  t.equal(k.dateKind, 'not-after');
  t.equal(k.decided, '2018-03-22');
  t.equal(sources.get('caravanserai-2018-03-22-kz-revoking-citizenship-57')?.published, '2018-03-22');
  t.same(years('kz-2014-ekibastuz-kazbayev'), [[7, 0, false]]);
  t.ok(k.events.some((e) => e.date === '2014-03'));
});

t.test('the Almaty-region brothers: Islamic State, six years each, year 2015 inferred', async (t) => {
  const k = cases.get('kz-2015-almaty-region-is-brothers')!;
  t.equal(k.decided, '2015');
  t.equal(k.dateKind, 'inferred');
  t.match(k.dateNote ?? '', /October 2015/);
  t.equal(k.force, 'islamic-state');
  t.equal(k.court.place, 'Almaty region');
  t.same(years('kz-2015-almaty-region-is-brothers'), [[6, 0, false]]);
  t.ok(k.sources.includes('astanatv-nd-almaty-region-is-brothers'));
  t.equal(sources.get('7232kz-2015-10-07-is-not-designated')?.published, '2015-10-07');
});

t.test('the Temirtau recruiter: thirteen years in August 2015', async (t) => {
  const k = cases.get('kz-2015-karaganda-temirtau-recruiter')!;
  t.equal(k.decided, '2015-08-11');
  t.equal(k.court.name, 'Specialized Inter-District Criminal Court of Karaganda Region');
  t.same(k.conducts, ['recruitment', 'public-calls']);
  t.same(years('kz-2015-karaganda-temirtau-recruiter'), [[13, 0, false]]);
  t.equal(k.defendant.name, null, 'the convict is not named');
});

t.test('Aiypqaliev: eight years in 2019, one of the fourteen repatriated from Syria', async (t) => {
  const k = cases.get('kz-2019-nur-sultan-aiypqaliev')!;
  t.equal(k.decided, '2019');
  t.equal(k.dateKind, 'decision');
  t.same(years('kz-2019-nur-sultan-aiypqaliev'), [[8, 0, false]]);
  t.ok(k.conducts.includes('terrorist-training-abroad'));
  t.match(cases.get('kz-2019-nur-sultan-fourteen-jusan')!.summary, /Aiypkaliev/);
});

t.test('Shcherbak, Kostanay, 21 May 2020: four and a half years, year from a second source', async (t) => {
  const k = cases.get('kz-2020-kostanay-shcherbak')!;
  t.equal(k.defendant.name, 'Yevgeny Shcherbak (Евгений Щербак)');
  t.equal(k.court.place, 'Kostanay');
  t.equal(k.decided, '2020-05-21');
  t.equal(k.dateKind, 'inferred');
  t.match(k.dateNote ?? '', /Forum Mariupol/);
  t.same(years('kz-2020-kostanay-shcherbak'), [[4, 6, false]]);
  t.same(k.charges, [], 'article number not given in the sources');
  t.equal(k.side, 'russia');
  t.ok(k.events.some((e) => e.kind === 'extradition' && e.date === '2020-04'));
  t.ok(k.sources.includes('svpressa-nd-shcherbak-kostanay-sentence'));
  t.equal(sources.get('forummariupol-2023-12-01-militia-arrests-kz')?.published, '2023-12-01');
});

t.test('Shompolov: the colony regime and the unchanged term', async (t) => {
  const k = cases.get('kz-2023-karaganda-shompolov')!;
  const s = k.sentences.find((x) => x.kind === 'imprisonment')!;
  t.same([s.years, s.months], [6, 8]);
  t.match(s.regime ?? '', /general-regime/);
  t.ok(k.sources.includes('newtimes-nd-kots-on-shompolov-sentence'));
});

t.test('practice: Syria/Iraq prosecutions from 2014, citizenship revocation proceedings in 2018', async (t) => {
  t.equal(notes.get('kz-practice-syria-iraq-returnees')?.from, '2014');
  t.match(notes.get('kz-policy-citizenship-revocation-2017')!.statement, /57 Kazakhstanis/);
  t.ok(kz.law.instruments.find((i) => i.id === 'kz-cc-2014')!.sources.includes('ecoi-usdos-crt-2021-kazakhstan'));
});

t.test('court guidance: Supreme Court normative resolution of 8 December 2017 No. 11, opening read only', async (t) => {
  const g = kz.law.instruments.find((i) => i.id === 'kz-guidance-2017-terrorist-extremist-crimes')!;
  t.equal(g.kind, 'court-guidance');
  t.equal(g.number, 'No. 11');
  t.equal(g.adopted, '2017-12-08');
  t.equal(g.inForceFrom, null, 'no source read states the date of entry into force');
  t.equal(g.basis, 'official-text');
  t.equal(g.officialUrl, 'https://adilet.zan.kz/rus/docs/P170000011S');
  t.match(g.summary ?? '', /Paragraph 3 and everything after it are cut off/);
  t.match(g.summary ?? '', /do not interpret kz-cc-2014-art-170/);
  t.ok(g.sources.includes('adilet-kz-sc-np-2017-11-ru'));
  t.equal(sources.get('adilet-kz-sc-np-2017-11-en')?.translation, 'unofficial');
  t.equal(sources.get('adilet-kz-sc-np-2017-11-kk')?.kind, 'official-text');
});
