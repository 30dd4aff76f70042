// Pinned facts for Tajikistan (round 3): verdicts, date kinds and disputes added from sources read.
// Each value below was checked against the source the record cites; change it only with a new source.
import t from 'tap';
import { ds } from '../dataset.js';

const tj = ds.countries.find((c) => c.dir === 'tj')!;
const cases = new Map(tj.cases.cases.map((k) => [k.id, k]));
const notes = new Map(tj.practice.practice.map((n) => [n.id, n]));

t.test('Mulloyev: returnee sentenced to 12 years on 2 January 2020 (Forum 18)', async (t) => {
  const k = cases.get('tj-2019-dushanbe-mulloyev')!;
  t.ok(k, 'the case keeps its published id');
  t.equal(k.decided, '2020-01-02');
  t.equal(k.dateKind, 'decision');
  t.equal(k.outcome, 'convicted');
  t.same(
    k.sentences.map((s) => [s.kind, s.years, s.months, s.suspended]),
    [['imprisonment', 12, 0, false]],
  );
  // Radio Ozodi names the three articles of the charge; Forum 18 gives none.
  t.same(
    k.charges.map((c) => [c.provision, c.part]),
    [
      ['tj-cc-1998-art-401', null],
      ['tj-cc-1998-art-307', null],
      ['tj-cc-1998-art-187', null],
    ],
  );
  t.ok(k.sources.includes('forum18-mulloyev-12-year-jail-term'));
  t.ok(
    k.events.some((e) => e.kind === 'other' && e.date === '2019-02'),
    'return in February 2019',
  );
  t.ok(
    k.disputes.some((d) => d.sources.includes('rferl-tajiks-abroad-tricked-into-returning')),
    'the two accounts of when he was arrested are both kept',
  );
});

t.test('Kamolova: the year of the verdict is inferred, and says how', async (t) => {
  const k = cases.get('tj-2021-vahdat-kamolova')!;
  t.equal(k.decided, '2021-09-30');
  t.equal(k.dateKind, 'inferred');
  t.match(k.dateNote ?? '', /Taliban/);
  t.equal(k.sentences[0]?.years, 12);
});

t.test('Kasymov: 15 or 16 November 2018, both dates kept', async (t) => {
  const k = cases.get('tj-2018-dushanbe-kasymov')!;
  t.equal(k.decided, '2018-11-15');
  const d = k.disputes.find((x) => x.field === 'decided');
  t.ok(d, 'a dispute on the date');
  t.same([...(d?.sources ?? [])].sort(), [
    'ecoi-rferl-2018-11-16-english-teacher-students-jailed',
    'vesti-tj-2018-11-15-kasymov-19-years',
  ]);
  t.equal(k.sentences[0]?.years, 19);
});

t.test('2013 Syria students: names as Radio Ozodi gives them, two years', async (t) => {
  const k = cases.get('tj-2013-dushanbe-syria-students')!;
  t.match(k.defendant.name ?? '', /Mu'minov/);
  t.match(k.defendant.name ?? '', /Hafizulloyev/);
  t.ok(k.sources.includes('ozodi-ru-muminov-father-students-syria'));
  t.equal(k.sentences[0]?.years, 2);
});

t.test('practice: Mulloyev conviction and the dated 2014 amnesty source', async (t) => {
  const gap = notes.get('tj-gap-returnee-arrested-despite-amnesty-promise')!;
  t.ok(gap.sources.includes('forum18-mulloyev-12-year-jail-term'));
  t.match(gap.statement, /2 January 2020/);
  const amn = notes.get('tj-gap-amnesties-and-foreign-fighters')!;
  t.ok(amn.sources.includes('sauress-2014-10-20-tajik-amnesty-10000-prisoners'));
  t.match(amn.statement, /20 October 2014/);
});

t.test('inferred or not-after Tajik dates carry a dateNote', async (t) => {
  for (const k of tj.cases.cases) {
    if (k.dateKind === 'not-after' || k.dateKind === 'inferred') t.ok(k.dateNote, `${k.id} has a dateNote`);
  }
});
