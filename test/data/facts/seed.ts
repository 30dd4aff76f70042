// Pinned facts: the seed documents' cases and a sample of penalties, so that an accidental edit of data/ fails here.
// Each value below was checked against the source the record cites; change it only with a new source.
import t from 'tap';
import { ds } from '../dataset.js';

const cases = new Map(ds.countries.flatMap((c) => c.cases.cases).map((k) => [k.id, k]));
const notes = new Map(ds.countries.flatMap((c) => c.practice.practice).map((n) => [n.id, n]));
const provisions = new Map(ds.countries.flatMap((c) => c.law.provisions).map((p) => [p.id, p]));

t.test('seed: the Osh court, June 2024, five years, appealed', async (t) => {
  const k = cases.get('kg-2024-osh-unnamed')!;
  t.equal(k.court.place, 'Osh');
  t.equal(k.decided, '2024-06-24');
  t.equal(k.dateKind, 'reported');
  t.same(
    k.sentences.map((s) => [s.kind, s.years, s.suspended]),
    [['imprisonment', 5, false]],
  );
  t.equal(k.appeal?.status, 'filed');
  t.ok(k.sources.includes('kyivindependent-2024-06-24-kyrgyz-man-5-years'));
});

t.test('seed: suspended seven years in January 2024, then flight and re-enlistment', async (t) => {
  const k = cases.get('kg-2024-bishkek-kubanychbek-uulu-retrial')!;
  t.equal(k.decided, '2024-01');
  t.same(
    k.sentences.map((s) => [s.kind, s.years, s.suspended]),
    [['imprisonment', 7, true]],
  );
  t.same(
    k.events.map((e) => e.kind),
    ['flight', 're-enlistment'],
  );
});

t.test('seed: the Wagner case ended by the amnesty of January 2024', async (t) => {
  const k = cases.get('kg-2023-naryn-borugul-uulu')!;
  t.equal(k.force, 'wagner-group');
  t.equal(k.outcome, 'released-under-amnesty');
  t.equal(k.sentences[0]?.years, 5);
  t.ok(k.events.some((e) => e.kind === 'amnesty' && e.date === '2024-01'));
  t.ok(k.disputes.length > 0, 'the inconsistent amnesty report is flagged');
});

t.test('seed: the Turan battalion founder, side Ukraine, wanted', async (t) => {
  const k = cases.get('kg-2022-gknb-kudabek-uulu')!;
  t.equal(k.force, 'turan-battalion');
  t.equal(k.side, 'ukraine');
  t.equal(k.outcome, 'wanted');
  t.same(
    k.charges.map((c) => c.provision),
    ['kg-cc-2021-art-256'],
  );
});

t.test('seed: the July 2024 prisoner exchange and the practice notes', async (t) => {
  t.match(notes.get('kg-practice-tursunov-pow-returned-to-russia')!.statement, /prisoner\s+exchange/);
  for (const id of ['uz-practice-prosecutes-returnees']) t.equal(notes.get(id)?.stance, 'prosecutes');
  const tj = ds.countries.find((c) => c.dir === 'tj')!.practice.practice;
  t.ok(tj.some((n) => n.sources.includes('freeeurasia-2025-12-15-central-asian-pows') && n.stance !== 'prosecutes'));
});

t.test('penalties as the sources give them', async (t) => {
  const pen = (id: string, part: string) =>
    provisions
      .get(id)!
      .versions.at(-1)!
      .parts.find((p) => p.part === part)!
      .penalties.filter((p) => p.kind === 'imprisonment')
      .map((p) => [p.min, p.max]);
  t.same(pen('tm-cc-1997-art-169', '1'), [[3, 8]], 'Turkmenistan art. 169(1), 2010 edition');
  t.same(pen('tm-cc-1997-art-169', '2'), [[5, 10]], 'Turkmenistan art. 169(2), 2010 edition');
  t.same(pen('kz-cc-1997-art-162', '1'), [[4, 8]], 'Kazakhstan 1997 code art. 162(1)');
  t.ok(pen('kz-cc-2014-art-172', '1').length >= 2, 'Kazakhstan art. 172: the disagreeing ranges are all kept');
});
