// Pinned facts for the Uzbek records added or changed in data round 3, so that an accidental edit of data/uz fails
// here. Each value was checked against the source the record cites; change it only with a new source.
import t from 'tap';
import { ds } from '../dataset.js';

const uz = ds.countries.find((c) => c.dir === 'uz')!;
const cases = new Map(uz.cases.cases.map((k) => [k.id, k]));
const notes = new Map(uz.practice.practice.map((n) => [n.id, n]));
const gaps = uz.country.gaps.map((g) => g.note).join('\n');

t.test('2018: a "DNR" fighter sought by Uzbekistan via Interpol, detained in Russia and released', async (t) => {
  const k = cases.get('uz-2018-interpol-bobojonov')!;
  t.equal(k.defendant.name, 'Ruslan Bobojonov');
  t.equal(k.decided, '2018-10-11');
  t.equal(k.dateKind, 'not-after');
  t.match(k.dateNote ?? '', /11 October 2018/);
  t.equal(k.outcome, 'wanted');
  t.same(k.sentences, []);
  t.same(
    k.charges.map((c) => [c.provision, c.part]),
    [['uz-cc-1994-art-154', null]],
  );
  t.equal(k.side, 'russia');
  t.equal(k.conflict, 'russia-ukraine-war');
  t.same(
    k.events.map((e) => [e.date, e.kind]),
    [
      ['2018-09-28', 'detention'],
      ['2018-10', 'release'],
    ],
  );
  t.same(
    k.disputes.map((d) => d.field),
    ['outcome', 'penalty'],
    'the in-absentia claim and the 10 vs 12 years are kept as disputes',
  );
  t.ok(k.sources.includes('daryo-2018-10-28-bobojonov-released'));
  t.ok(k.sources.includes('narodsobor-2018-10-11-babazhanov-extradition'));
});

t.test('years worked out from undated reports are marked inferred, with a note', async (t) => {
  const inferred: Array<[string, string]> = [
    ['uz-2024-samarkand-jambay-djumanov', '2024'],
    ['uz-2025-samarkand-pastdargom-tr', '2025'],
    ['uz-2025-kashkadarya-karshi-izh', '2025'],
    ['uz-2025-tashkent-kuyichirchik-unnamed', '2025'],
    ['uz-2025-andijan-izbaskan-khkh', '2025-06'],
    ['uz-2025-navoi-karmana-nu', '2025'],
    ['uz-2025-namangan-unnamed-55', '2025-10'],
    ['uz-2025-kashkadarya-kamashi-ri', '2025'],
    ['uz-2025-surkhandarya-uzon-sb', '2025'],
    ['uz-2025-bustan-unnamed', '2025'],
  ];
  for (const [id, decided] of inferred) {
    const k = cases.get(id)!;
    t.equal(k.decided, decided, `${id} decided`);
    t.equal(k.dateKind, 'inferred', `${id} dateKind`);
    t.ok((k.dateNote ?? '').length > 40, `${id} says how the date was worked out`);
  }
  t.match(cases.get('uz-2024-samarkand-jambay-djumanov')!.dateNote ?? '', /Diplomat/);
  t.match(cases.get('uz-2025-namangan-unnamed-55')!.dateNote ?? '', /October this year/);
});

t.test('dated reports keep dateKind reported', async (t) => {
  const dated: Array<[string, string]> = [
    ['uz-2025-fergana-qoshtepa-akh', '2025-01-08'],
    ['uz-2025-angren-um', '2025-06-07'], // earliest dated report (audit: was AKIpress 11 June)
    ['uz-2025-bekabad-aa', '2025-08-21'],
    ['uz-2026-fergana-rishtan-unnamed', '2026-02-18'],
  ];
  for (const [id, decided] of dated) {
    const k = cases.get(id)!;
    t.equal(k.decided, decided);
    t.equal(k.dateKind, 'reported');
    t.notOk(k.dateNote);
  }
});

t.test('Syria: aspirants and financiers prosecuted under the terrorism articles; Mehr repatriations', async (t) => {
  const n = notes.get('uz-practice-syria-aspirants-terrorism-articles')!;
  t.equal(n.stance, 'prosecutes');
  t.match(n.statement, /6 to 13 years/);
  t.match(n.statement, /155-2/);
  t.match(n.statement, /USD 3,000/);
  t.ok(n.sources.includes('life-2025-09-11-ktj-20-sentenced'));

  const m = notes.get('uz-policy-mehr-repatriation')!;
  t.equal(m.kind, 'policy');
  t.equal(m.from, '2019-05');
  t.equal(m.to, '2021');
  t.match(m.statement, /435/);
  t.match(m.statement, /438/, 'both counts are kept');
  t.match(m.statement, /156 people/);

  const s = notes.get('uz-statistics-sss-2022-2025')!;
  t.same(
    s.statistics.map((x) => [x.id, x.measure, x.value, x.from, x.to, x.scope.provisions]),
    [
      ['s1', 'cases-opened', 19, '2022', '2022', ['uz-cc-1994-art-154']],
      ['s2', 'cases-opened', 68, '2023', '2023', ['uz-cc-1994-art-154']],
      ['s3', 'cases-opened', 112, '2024', '2024', ['uz-cc-1994-art-154']],
      ['s4', 'cases-opened', 139, '2025', '2025', ['uz-cc-1994-art-154']],
      ['s5', 'cases-opened', 338, '2022', '2025', []],
    ],
  );
  t.ok(s.sources.includes('azattyk-2025-12-05-sss-338-cases'));
});

t.test('round 4: The Diplomat\'s "Mansur*" case is dated not-after its September 2025 report', async (t) => {
  const k = cases.get('uz-2025-unnamed-25-restricted')!;
  t.equal(k.decided, '2025-09');
  t.equal(k.dateKind, 'not-after');
  t.match(k.dateNote ?? '', /September 2025/);
  t.equal(k.defendant.name, null, 'the article uses an apparently changed name');
  t.equal(k.defendant.age, 25);
  t.same(k.charges, [], 'the part read names no article');
  t.same(
    k.sentences.map((s) => [s.kind, s.years, s.months, s.suspended]),
    [['restriction-of-liberty', 4, 0, false]],
  );
  t.same(k.sources, ['diplomat-2025-09-uzbek-fighters-mild-punishments']);

  const n = notes.get('uz-practice-syria-aspirants-terrorism-articles')!;
  t.match(n.statement, /Tuproqqal'a/);
  t.match(n.statement, /155-3/);
  t.ok(n.sources.includes('zamon-uz-nd-khorezm-ktj-financing'));
});

t.test('the still-undated rulings stay in the gaps', async (t) => {
  t.match(gaps, /Khairulin/);
  t.match(gaps, /Besharyk/);
  t.match(gaps, /Wagner member who took part in the June 2023 mutiny/);
  t.match(gaps, /ONDATE=30\.12\.2015/);
  t.match(gaps, /A\.K\., 24/, 'Fergana District Court, undated');
  t.match(gaps, /Gallyaaral District Criminal Court/, 'B. M., undated');
  t.match(gaps, /Shavkat Yuldashev/);
  t.match(gaps, /Tuproqqal'a district court sentence/);
  t.notOk(cases.has('uz-2025-fergana-ak'), 'A.K. is not recorded as a case');
});
