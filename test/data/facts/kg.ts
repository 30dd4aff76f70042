// Pinned facts for the Kyrgyz records added or changed in data round 3, so that an accidental edit of data/kg fails
// here. Each value was checked against the source the record cites; change it only with a new source.
import t from 'tap';
import { ds } from '../dataset.js';

const kg = ds.countries.find((c) => c.dir === 'kg')!;
const cases = new Map(kg.cases.cases.map((k) => [k.id, k]));
const provisions = new Map(kg.law.provisions.map((p) => [p.id, p]));
const instruments = new Map(kg.law.instruments.map((i) => [i.id, i]));

t.test('Osh City Court recruiter: suspended six years, year 2016 inferred', async (t) => {
  const k = cases.get('kg-2016-osh-kara-suu-recruiter')!;
  t.equal(k.court.name, 'Osh City Court');
  t.equal(k.decided, '2016');
  t.equal(k.dateKind, 'inferred');
  t.match(k.dateNote ?? '', /Chinese Embassy/);
  t.equal(k.defendant.age, 18);
  t.same(
    k.sentences.map((s) => [s.kind, s.years, s.suspended]),
    [['imprisonment', 6, true]],
  );
  t.equal(k.conflict, 'syria-civil-war');
  t.ok(k.sources.includes('interfax-nd-osh-kara-suu-recruiter'));
  t.ok(k.sources.includes('csmonitor-2016-08-30-chinese-embassy-bombing'));
});

t.test('Batken Regional Court: three IS members, verdict not after 10 August 2017', async (t) => {
  const k = cases.get('kg-2017-batken-is-members')!;
  t.equal(k.court.name, 'Batken Regional Court');
  t.equal(k.decided, '2017-08-10');
  t.equal(k.dateKind, 'not-after');
  t.ok(k.dateNote);
  t.equal(k.force, 'islamic-state');
  t.equal(k.outcome, 'convicted');
  t.match(k.summary, /12 to 15\s+years/);
  t.ok(k.sources.includes('24kg-2017-08-10-batken-is-members-amp'));
});

t.test('Aravan District Court: acquitted of recruitment, verdict not after 21 May 2018', async (t) => {
  const k = cases.get('kg-2018-aravan-imam-kazy')!;
  t.equal(k.court.name, 'Aravan District Court');
  t.equal(k.decided, '2018-05-21');
  t.equal(k.dateKind, 'not-after');
  t.equal(k.outcome, 'acquitted');
  t.same(k.sentences, []);
  t.same(k.conducts, ['recruitment', 'public-calls']);
});

t.test('Bazar-Korgon recruiter: year 2015 now marked inferred', async (t) => {
  const k = cases.get('kg-2015-bazar-korgon-unnamed')!;
  t.equal(k.decided, '2015');
  t.equal(k.dateKind, 'inferred');
  t.match(k.dateNote ?? '', /last year/);
  t.equal(k.sentences[0]?.years, 4);
});

t.test('2025 recruitment case: house arrest and release of Sekerina, no verdict', async (t) => {
  const s = cases.get('kg-2025-bishkek-sekerina')!;
  t.equal(s.outcome, 'charged');
  t.ok(s.events.some((e) => e.kind === 'release' && e.sources.includes('ramblerua-nd-sekerina-released')));
  t.ok(s.events.some((e) => e.kind === 'other' && e.date === '2025-04'));
  t.ok(s.disputes.some((d) => d.field === 'events.detention.date'));
  for (const id of ['kg-2025-bishkek-lapushkin', 'kg-2025-bishkek-vasilyev', 'kg-2025-bishkek-svt']) {
    const k = cases.get(id)!;
    t.equal(k.outcome, 'charged', id);
    t.same(k.sentences, [], id);
  }
  t.match(cases.get('kg-2025-bishkek-svt')!.summary, /Sirotenko/);
});

t.test(
  'Vasilyev: TASS of 25 April 2025 cited, house arrest kept as a dispute; Chui police case only a note',
  async (t) => {
    const k = cases.get('kg-2025-bishkek-vasilyev')!;
    t.ok(k.sources.includes('tass-2025-04-25-embassy-strategic-partnership'));
    const d = k.disputes.find((x) => x.field === 'events.house-arrest')!;
    t.same(d.sources, [
      'tass-2025-04-25-embassy-strategic-partnership',
      'moscowtimes-2025-04-28-sekerina-house-arrest',
    ]);
    t.equal(k.outcome, 'charged');
    const note = kg.practice.practice.find((n) => n.id === 'kg-practice-police-case-online-calls-2024')!;
    t.equal(note.from, '2024-12');
    t.match(note.statement, /no court ruling/);
    t.notOk(
      kg.cases.cases.some((c) => c.sources.includes('24kg-nd-chui-el-uksun-recruiters')),
      'no case record without a court ruling',
    );
  },
);

t.test('article 416 part 1: 7-10 years, also per the Supreme Court', async (t) => {
  const part = provisions
    .get('kg-cc-2021-art-416')!
    .versions.at(-1)!
    .parts.find((p) => p.part === '1')!;
  const prison = part.penalties.filter((p) => p.kind === 'imprisonment');
  t.same(
    prison.map((p) => [p.min, p.max]),
    [[7, 10]],
  );
  t.ok(prison[0]!.sources?.includes('oreanda-nd-sekerina-7-10-years'));
});

t.test('instruments: the 2021 code in force from 1 December 2021 (Kloop); 2024 amnesty sources', async (t) => {
  const cc = instruments.get('kg-cc-2021')!;
  t.equal(cc.inForceFrom, '2021-12-01');
  t.equal(cc.published, '2021-11-16');
  t.ok(cc.sources.includes('kloop-2021-12-10-new-code-cases-closed'));
  t.equal(instruments.get('kg-cc-2017')!.inForceTo, '2021-12-01', 'the 2017 code ends where the 2021 code begins');
  t.ok(cc.sources.includes('ealegislation-nd-kg-law-2022-45'));
  const am = instruments.get('kg-amnesty-2024')!;
  t.equal(am.adopted, '2024-02-09');
  t.ok(am.sources.includes('24kg-2024-02-13-japarov-signs-amnesty'));
});
