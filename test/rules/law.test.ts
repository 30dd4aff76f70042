// The rules of rules/law.ts on small fixture laws, without a database: the in-force rule with exact and uncertain
// boundaries, parts reached by conducts and by service in a force, disputed penalties kept as alternatives, and the
// more-lenient-later-law rule.
import t from 'tap';
import {
  SERVICE_CONDUCTS,
  conductsAsked,
  groupPenalties,
  inEffect,
  inForceOn,
  isDisputed,
  latestStance,
  lenientNote,
  lenientUndecided,
  moreLenientLater,
  partsReaching,
  versionsOnDate,
  type RulePart,
  type RulePenalty,
  type RuleVersion,
} from '../../src/rules/law.js';
import { boundsOf, endOf, startOf } from '../../src/rules/dates.js';

const pen = (id: string, min: number | null, max: number | null, extra: Partial<RulePenalty> = {}): RulePenalty => ({
  id,
  kind: 'imprisonment',
  role: 'main',
  unit: 'years',
  min,
  max,
  disputeNote: null,
  ...extra,
});
const part = (n: string, conducts: string[], penalties: RulePenalty[]): RulePart => ({ part: n, conducts, penalties });
const version = (
  id: string,
  validFrom: string,
  validTo: string | null,
  parts: RulePart[],
  textUnknown: string | null = null,
): RuleVersion => ({
  id,
  validFrom,
  validTo,
  textUnknown,
  parts,
});

t.test('boundaries: partial dates and intervals name the days a change may have taken effect', async (t) => {
  t.same(boundsOf('2015-01-01'), { earliest: '2015-01-01', latest: '2015-01-01' });
  t.same(boundsOf('2021'), { earliest: '2021-01-01', latest: '2021-12-31' });
  t.same(boundsOf('2024-02'), { earliest: '2024-02-01', latest: '2024-02-29' });
  t.same(boundsOf('2021-10-28/2021-12'), { earliest: '2021-10-28', latest: '2021-12-31' });
  t.equal(startOf('2019'), '2019-01-01');
  t.equal(endOf('2023-02'), '2023-02-28');
});

t.test('in force: exact boundaries are half-open [validFrom, validTo)', async (t) => {
  const span = { validFrom: '2015-01-01', validTo: '2022-06-10' };
  t.equal(inForceOn(span, '2014-12-31'), 'no');
  t.equal(inForceOn(span, '2015-01-01'), 'certain');
  t.equal(inForceOn(span, '2022-06-09'), 'certain');
  t.equal(inForceOn(span, '2022-06-10'), 'no');
  t.equal(inForceOn({ validFrom: '2015-01-01', validTo: null }, '2099-01-01'), 'certain');
});

t.test('in force: a date inside an uncertain boundary is possible on both sides, never a gap', async (t) => {
  // The old code ceased and the new one began on some day of 2021 (only the year is known).
  const old = version('old', '2019-01-01', '2021', []);
  const now = version('new', '2021', null, []);
  for (const d of ['2021-01-01', '2021-06-15', '2021-12-30']) {
    t.same(
      versionsOnDate([old, now], d).map((x) => [x.version.id, x.inForce]),
      [
        ['old', 'possible'],
        ['new', 'possible'],
      ],
      d,
    );
  }
  t.same(
    versionsOnDate([old, now], '2020-12-31').map((x) => [x.version.id, x.inForce]),
    [['old', 'certain']],
  );
  t.same(
    versionsOnDate([old, now], '2022-01-01').map((x) => [x.version.id, x.inForce]),
    [['new', 'certain']],
  );
  // Every day from 2019 to 2023 has at least one text: the partition has no hole.
  for (let d = new Date('2019-01-01'); d < new Date('2024-01-01'); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (versionsOnDate([old, now], day).length === 0) t.fail(`no text on ${day}`);
  }
  // An interval boundary: after the repealing law of 28 October, by 1 December at the latest.
  const a = { validFrom: '2019-01-01', validTo: '2021-10-28/2021-12-01' };
  t.equal(inForceOn(a, '2021-10-27'), 'certain');
  t.equal(inForceOn(a, '2021-10-28'), 'possible');
  t.equal(inForceOn(a, '2021-11-30'), 'possible');
  t.equal(inForceOn(a, '2021-12-01'), 'no');
  t.equal(inForceOn({ validFrom: '2021-10-28/2021-12-01', validTo: null }, '2021-12-01'), 'certain');
});

t.test('parts: a conduct reaches the parts that list it; an unread period reaches through the article', async (t) => {
  const v = version('v', '2015-01-01', null, [
    part('1', ['recruitment', 'financing'], [pen('p1', 7, 10)]),
    part('2', ['mercenary-participation'], []),
  ]);
  const r = partsReaching(v, [], ['mercenary-participation']);
  t.same(
    r.parts.map((p) => [p.part.part, p.matched]),
    [['2', ['mercenary-participation']]],
  );
  t.same(r.whole, []);
  const unread = version('u', '1998-01-01', '2015-01-01', [], 'text not found');
  t.same(partsReaching(unread, ['armed-conflict-participation', 'recruitment'], ['armed-conflict-participation']), {
    parts: [],
    whole: ['armed-conflict-participation'],
  });
  // A version with read parts does not fall back to the article's conducts.
  t.same(partsReaching(v, ['armed-conflict-participation'], ['armed-conflict-participation']), {
    parts: [],
    whole: [],
  });
});

t.test('force: serving a force means the conducts of serving in it, not recruiting for it', async (t) => {
  t.same(SERVICE_CONDUCTS, ['armed-conflict-participation', 'mercenary-participation', 'foreign-military-service']);
  const asked = conductsAsked([], true);
  t.same(asked, SERVICE_CONDUCTS);
  t.same(conductsAsked(['recruitment'], true), ['recruitment', ...SERVICE_CONDUCTS]);
  t.same(conductsAsked(['recruitment', 'recruitment'], false), ['recruitment']);
  // Art. 416 of the fixture: part 1 is the recruiters', part 2 the mercenary's. A person who served gets part 2 only.
  const art = version('v', '2021-12-01', null, [
    part('1', ['recruitment', 'training', 'financing'], [pen('p1', 7, 10)]),
    part('2', ['mercenary-participation'], [pen('p1', 5, 10)]),
  ]);
  t.same(
    partsReaching(art, [], asked).parts.map((p) => p.part.part),
    ['2'],
  );
});

t.test('disputes: every value is kept with its part; the envelope is labelled as such', async (t) => {
  const p1 = pen('p1', null, 8);
  const p2 = pen('p2', null, 10);
  const p3 = pen('p3', 5, 10);
  const conf = { ...pen('p4', 0, 0, { kind: 'confiscation', role: 'additional', unit: null }), min: null, max: null };
  const groups = groupPenalties([{ provision: 'a', version: 'a@1', part: part('1', [], [p1, p2, p3, conf]) }]);
  t.same(groups, [
    {
      kind: 'imprisonment',
      role: 'main',
      unit: 'years',
      alternatives: [
        { provision: 'a', version: 'a@1', part: '1', penalty: p1 },
        { provision: 'a', version: 'a@1', part: '1', penalty: p2 },
        { provision: 'a', version: 'a@1', part: '1', penalty: p3 },
      ],
      disputed: true,
      // "up to 8" and "up to 10" state no minimum: the envelope has none either, never a made-up 5.
      envelope: { min: null, max: 10 },
    },
  ]);
  // Two parts with different terms are two forms of the offence, not a dispute.
  const two = groupPenalties([
    { provision: 'b', version: 'b@1', part: part('1', [], [pen('p1', 3, 7)]) },
    { provision: 'b', version: 'b@1', part: part('2', [], [pen('p1', 5, 10)]) },
  ]);
  t.equal(two[0]!.disputed, false);
  t.same(two[0]!.envelope, { min: 3, max: 10 });
  // The same value from two sources is agreement; a dispute note is a dispute.
  t.equal(isDisputed(pen('p1', 5, 9), [pen('p1', 5, 9), pen('p2', 5, 9)]), false);
  const noted = pen('p2', 3, 5, { disputeNote: 'one report only' });
  t.equal(isDisputed(noted, [noted]), true);
});

t.test(
  'lex mitior: a later lower maximum or minimum is more lenient; disputed or unknown terms are not compared',
  async (t) => {
    const before = part('1', ['armed-conflict-participation'], [pen('p1', 5, 10)]);
    t.equal(lenientNote(before, part('1', [], [pen('p1', 5, 8)])), 'maximum imprisonment lowered from 10 to 8 years');
    t.equal(lenientNote(before, part('1', [], [pen('p1', 3, 10)])), 'minimum imprisonment lowered from 5 to 3 years');
    t.equal(lenientNote(before, part('1', [], [pen('p1', 5, 12)])), undefined);
    t.equal(lenientNote(before, part('1', [], [])), undefined);
    t.equal(lenientNote(before, part('1', [], [pen('p1', null, 8), pen('p2', 5, 10)])), undefined);

    const current = version('a@2015', '2015-01-01', '2020-01-01', [before]);
    const later = [
      { provision: 'a', sameArticle: true, version: current },
      {
        provision: 'a',
        sameArticle: true,
        version: version('a@2020', '2020-01-01', null, [part('1', [], [pen('p1', 2, 5)])]),
      },
      // A successor article is matched by conduct, not by part number.
      {
        provision: 'b',
        sameArticle: false,
        version: version('b@2022', '2022-01-01', null, [
          part('3', ['armed-conflict-participation'], [pen('p1', 1, 4)]),
        ]),
      },
    ];
    t.same(moreLenientLater(before, current, later), [
      {
        provision: 'a',
        version: 'a@2020',
        validFrom: '2020-01-01',
        part: '1',
        note: 'maximum imprisonment lowered from 10 to 5 years',
      },
      {
        provision: 'b',
        version: 'b@2022',
        validFrom: '2022-01-01',
        part: '3',
        note: 'maximum imprisonment lowered from 10 to 4 years',
      },
    ]);
  },
);

t.test(
  'lex mitior undecided: a later unread, disputed or termless text is reported, a harsher one is not',
  async (t) => {
    const before = part('1', ['armed-conflict-participation'], [pen('p1', 2.5, 5)]);
    const current = version('a@2019', '2019-01-01', '2020', [before]);
    const later = [
      { provision: 'a', sameArticle: true, version: current },
      { provision: 'a', sameArticle: true, version: version('a@2020', '2020', '2021-12-01', [], 'amendment not read') },
      {
        provision: 'b',
        sameArticle: false,
        version: version('b@2021', '2021-12-01', null, [
          part('1', ['armed-conflict-participation'], [pen('p1', null, 8), pen('p2', 5, 10)]),
        ]),
      },
      // Harsher and decided: not reported.
      {
        provision: 'c',
        sameArticle: false,
        version: version('c@2022', '2022-01-01', null, [
          part('1', ['armed-conflict-participation'], [pen('p1', 5, 10)]),
        ]),
      },
      // A successor whose text is unread reaches through the article's conducts.
      {
        provision: 'd',
        sameArticle: false,
        articleConducts: ['armed-conflict-participation'],
        version: version('d@2023', '2023-01-01', null, [], 'not read'),
      },
      // ... but not when the article is about something else.
      {
        provision: 'e',
        sameArticle: false,
        articleConducts: ['recruitment'],
        version: version('e@2023', '2023', null, [], 'x'),
      },
    ];
    t.same(lenientUndecided(before, current, later), [
      { provision: 'a', version: 'a@2020', validFrom: '2020', reason: 'text-unknown' },
      { provision: 'b', version: 'b@2021', validFrom: '2021-12-01', reason: 'disputed' },
      { provision: 'd', version: 'd@2023', validFrom: '2023-01-01', reason: 'text-unknown' },
    ]);
    t.same(moreLenientLater(before, current, later), []);
  },
);

t.test('practice stance and dated effects', async (t) => {
  t.equal(latestStance([]), null);
  t.equal(latestStance([{ stance: null, from: '2025' }]), null);
  t.equal(
    latestStance([
      { stance: 'rarely-prosecutes', from: '2015' },
      { stance: 'prosecutes', from: '2023-05' },
      { stance: null, from: '2025' },
      { stance: 'rarely-prosecutes', from: null },
    ]),
    'prosecutes',
  );
  t.equal(inEffect('2015-03-15', null, '2015-03-14'), false);
  t.equal(inEffect('2015-03-15', null, '2015-03-15'), true);
  t.equal(inEffect(null, '2020', '2019-12-31'), true);
  t.equal(inEffect(null, '2020', '2020-01-01'), false);
});
