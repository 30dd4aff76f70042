// The consequences query and the comparison, against what data/ says for each country, conduct and date.
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { datasetRevision } from '../../src/data/revision.js';
import { parseCsv } from '../csv.js';
import { buildTestApp, expectBadParameters } from '../helper.js';
import { boundsOf } from '../../src/rules/dates.js';
import { SERVICE_CONDUCTS, partsReaching, versionsOnDate } from '../../src/rules/law.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const revision = datasetRevision(ds);
const start = (d: string) => boundsOf(d).earliest;
/** A day on which a version is certainly in force: the last day its start may stand for. */
const certainDay = (v: { validFrom: string }) => boundsOf(v.validFrom).latest;

/** What data/ says applies: version id -> parts in force on the date reaching the conducts ('*': the whole article,
 * its text unread). Worked out from the YAML with the rules, independently of the database. */
function expected(country: string, conducts: string[], date: string): Record<string, string[]> {
  const c = ds.countries.find((x) => x.country.country.code === country)!;
  const out: Record<string, string[]> = {};
  for (const p of c.law.provisions.filter((p) => p.scope === 'core')) {
    const versions = p.versions.map((v) => ({ ...v, textUnknown: v.textUnknown ?? null }));
    for (const { version } of versionsOnDate(versions, date)) {
      const r = partsReaching(version, p.conducts, conducts);
      const parts = [...r.parts.map((x) => x.part.part), ...(r.whole.length ? ['*'] : [])];
      if (parts.length) out[`${p.id}@${version.id}`] = parts;
    }
  }
  return out;
}

type Applicable = { version: { id: string }; parts: { part: string }[]; wholeArticle: boolean };
const served = (provisions: Applicable[]) =>
  Object.fromEntries(
    provisions.map((p) => [p.version.id, [...p.parts.map((x) => x.part), ...(p.wholeArticle ? ['*'] : [])]]),
  );

const ask = async (country: string, query: string) => {
  const res = await app.inject(`/v1/countries/${country}/consequences?${query}`);
  return { res, body: res.json() };
};

t.test('every country, every conduct, on several dates: the provisions in force that day', async (t) => {
  for (const country of ['KZ', 'KG', 'TJ', 'TM', 'UZ']) {
    for (const conduct of ds.conducts.conducts.map((c) => c.code)) {
      for (const date of ['2012-06-01', '2020-06-01', '2024-06-01']) {
        const { res, body } = await ask(country, `conduct=${conduct}&date=${date}`);
        t.equal(res.statusCode, 200);
        const want = expected(country, [conduct], date);
        t.same(served(body.provisions), want, `${country} ${conduct} ${date}`);
        t.equal(body.found, Object.keys(want).length > 0);
        t.equal(body.datasetRevision, revision);
        t.equal(res.headers['dataset-revision'], revision);
      }
    }
  }
});

t.test('Kyrgyzstan, fighting abroad: the 2017 code in 2019, the 2021 code in 2023', async (t) => {
  const before = (await ask('KG', 'conduct=armed-conflict-participation&date=2019-06-01')).body;
  t.same(
    before.provisions.map((p: { provision: { id: string }; inForce: string }) => [p.provision.id, p.inForce]),
    [['kg-cc-2017-art-243', 'certain']],
  );
  const v2017 = ds.countries.find((c) => c.dir === 'kg')!.law.provisions.find((p) => p.id === 'kg-cc-2017-art-243')!
    .versions[0]!;
  const prison = v2017.parts[0]!.penalties.find((p) => p.kind === 'imprisonment')!;
  const group = before.penalties.find((r: { kind: string }) => r.kind === 'imprisonment');
  t.same(
    group.alternatives.map((a: { part: string; penalty: { id: string; min: number; max: number } }) => [
      a.part,
      a.penalty.id,
      a.penalty.min,
      a.penalty.max,
    ]),
    [
      [
        v2017.parts[0]!.part,
        `kg-cc-2017-art-243@${v2017.id}#${v2017.parts[0]!.part}#${prison.id}`,
        prison.min,
        prison.max,
      ],
    ],
  );
  t.same(group.envelope, { min: prison.min, max: prison.max });
  t.equal(group.disputed, false);
  const after = (await ask('KG', 'conduct=armed-conflict-participation&date=2023-01-01')).body;
  t.ok(after.provisions.some((p: { provision: { id: string } }) => p.provision.id === 'kg-cc-2021-art-256'));
  t.notOk(after.provisions.some((p: { provision: { id: string } }) => p.provision.id === 'kg-cc-2017-art-243'));
});

t.test('lex mitior on real data: every later text is compared, and the undecided ones are said', async (t) => {
  // Kyrgyzstan, 2019: art. 243 of the 2017 code (2.5-5 years). Its 2020 amendment was not read, and its successor,
  // art. 256 of the 2021 code, has disputed terms: neither can be called more lenient, and the answer says so.
  const { body } = await ask('KG', 'conduct=armed-conflict-participation&date=2019-06-01');
  const p = body.provisions.find((x: { provision: { id: string } }) => x.provision.id === 'kg-cc-2017-art-243');
  t.same(p.moreLenientLater, []);
  // The later texts are named as every answer names a provision (ProvisionRef).
  t.same(p.lenientUnknown[0].provision, p.provision, 'the same article, the same object');
  t.same(
    [
      p.lenientUnknown[1].provision.id,
      p.lenientUnknown[1].provision.article,
      p.lenientUnknown[1].provision.instrument.id,
    ],
    ['kg-cc-2021-art-256', '256', 'kg-cc-2021'],
  );
  t.same(
    p.lenientUnknown.map((u: { provision: { id: string } }) => ({ ...u, provision: u.provision.id })),
    [
      {
        provision: 'kg-cc-2017-art-243',
        version: 'kg-cc-2017-art-243@2020',
        validFrom: '2020-02-11/2020-12-31',
        reason: 'text-unknown',
        part: '1',
      },
      {
        provision: 'kg-cc-2021-art-256',
        version: 'kg-cc-2021-art-256@2022-09',
        validFrom: '2021-12-01',
        reason: 'disputed',
        part: '1',
      },
    ],
  );
  t.ok(
    body.unknowns.some((u: string) =>
      /whether the later text kg-cc-2021-art-256@2022-09 .* is more lenient is unknown/.test(u),
    ),
  );
  // Across the data, the answer's comparisons are the rules' own on the YAML (no more lenient later text is recorded
  // anywhere yet: every later text is harsher, unread or disputed).
  for (const country of ['KZ', 'KG', 'TJ', 'TM', 'UZ'])
    for (const date of ['2012-06-01', '2016-06-01', '2019-06-01', '2022-06-01']) {
      const { body: b } = await ask(
        country,
        `conduct=armed-conflict-participation,mercenary-participation&date=${date}`,
      );
      for (const x of b.provisions) t.same(x.moreLenientLater, [], `${country} ${date} ${x.provision.id}`);
    }
});

t.test('an exemption from liability is reported with its conditions', async (t) => {
  const withNote = ds.countries.flatMap((c) =>
    c.law.provisions.flatMap((p) =>
      p.versions
        .filter((v) => v.exemptions.length > 0 && v.parts.length > 0)
        .map((v) => ({ country: c.country.country.code, p, v })),
    ),
  );
  t.ok(withNote.length > 0, 'the dataset holds an exemption note');
  for (const { country, p, v } of withNote) {
    const conduct = v.parts[0]!.conducts[0]!;
    const date = certainDay(v);
    const { body } = await ask(country, `conduct=${conduct}&date=${date}`);
    const hit = body.provisions.find((x: { provision: { id: string } }) => x.provision.id === p.id);
    t.ok(hit, `${p.id} applies on ${date}`);
    t.same(
      hit.exemptions.map((e: { id: string }) => e.id),
      v.exemptions.map((e) => e.id),
    );
    t.same(hit.exemptions[0].conditions, v.exemptions[0]!.conditions);
    t.equal(body.exemptionAvailable, true);
  }
});

t.test('a country with no known provision says so instead of answering "no penalty"', async (t) => {
  const { res, body } = await ask('TM', 'conduct=armed-conflict-participation&date=2024-06-01');
  t.equal(res.statusCode, 200);
  t.same(expected('TM', ['armed-conflict-participation'], '2024-06-01'), {}, 'data/ has none');
  t.equal(body.found, false);
  t.same(body.provisions, []);
  t.match(body.unknowns[0], /not that there is no penalty/);
  t.ok(body.gaps.length > 0, "the country's gaps are given");
});

t.test('precedents: counts and the distribution of actual sentences', async (t) => {
  const uzCases = ds.countries.find((c) => c.dir === 'uz')!.cases.cases;
  const { body } = await ask('UZ', 'conduct=mercenary-participation&date=2024-06-01');
  const ids = new Set(body.provisions.map((p: { provision: { id: string } }) => p.provision.id));
  const want = uzCases.filter(
    (k) => k.charges.some((c) => ids.has(c.provision)) || k.conducts.includes('mercenary-participation'),
  );
  t.equal(body.precedents.count, want.length);
  const prison = want.flatMap((k) =>
    k.sentences.filter((s) => s.kind === 'imprisonment' && !s.suspended && s.years != null),
  );
  const stat = body.precedents.sentences.find(
    (s: { kind: string; suspended: boolean }) => s.kind === 'imprisonment' && !s.suspended,
  );
  t.ok(prison.length >= 2, 'the question has prison terms to summarise');
  const months = prison.map((s) => (s.years ?? 0) * 12 + (s.months ?? 0) + (s.days ?? 0) / 30);
  t.equal(stat.minMonths, Math.min(...months));
  t.equal(stat.maxMonths, Math.max(...months));
  t.ok(body.precedents.recent.length <= 5);
  const dates = body.precedents.recent.map((r: { decided: { date: string } }) => start(r.decided.date));
  t.same(dates, [...dates].sort().reverse(), 'most recent first');
});

t.test("force in place of conduct: the conducts of serving in it, never the recruiters' part", async (t) => {
  const { body } = await ask('KG', 'force=russia-armed-forces&date=2024-06-01');
  t.equal(body.force.id, 'russia-armed-forces');
  t.same(body.conductsReached, SERVICE_CONDUCTS);
  t.same(served(body.provisions), expected('KG', SERVICE_CONDUCTS, '2024-06-01'));
  // Art. 416 part 1 is recruiting, training, financing mercenaries: someone else's penalty.
  const art416 = body.provisions.find((p: { provision: { id: string } }) => p.provision.id === 'kg-cc-2021-art-416');
  t.ok(art416, 'the mercenarism article applies');
  t.same(
    art416.parts.map((p: { part: string }) => p.part),
    ['2'],
    "only the mercenary's own part",
  );
  for (const p of body.provisions) t.same(p.matchedBy, ['force:russia-armed-forces'], p.provision.id);
  const kgCases = ds.countries.find((c) => c.dir === 'kg')!.cases.cases;
  t.ok(body.precedents.count >= kgCases.filter((k) => k.force === 'russia-armed-forces').length);
});

t.test('bad questions are 400s naming the parameter', async (t) => {
  const bad: [string, string][] = [
    ['/v1/countries/KG/consequences', 'conduct'],
    ['/v1/countries/KG/consequences?conduct=flying', 'conduct'],
    ['/v1/countries/KG/consequences?conduct=recruitment&date=2024-02-31', 'date'],
    ['/v1/countries/KG/consequences?force=nobody', 'force'],
    ['/v1/countries/XX/consequences?conduct=recruitment', 'code'],
    ['/v1/compare?conduct=recruitment&date=yesterday', 'date'],
  ];
  await expectBadParameters(t, app, bad);
  const two = (await ask('KG', 'conduct=recruitment,armed-conflict-participation&date=2024-06-01')).body;
  t.same(two.conducts, ['recruitment', 'armed-conflict-participation'], 'several conducts, comma-separated');
});

t.test('compare: one row per country, the same figures as the consequences, JSON and CSV', async (t) => {
  const q = 'conduct=mercenary-participation&date=2024-06-01';
  const json = (await app.inject(`/v1/compare?${q}`)).json();
  t.same(
    json.data.map((r: { country: string }) => r.country),
    ['KG', 'KZ', 'TJ', 'TM', 'UZ'],
  );
  for (const row of json.data) {
    const one = (await ask(row.country, q)).body;
    t.equal(row.found, one.found);
    t.equal(row.rulings, one.precedents.count);
    t.equal(row.exemption, one.exemptionAvailable);
    t.equal(row.stance, one.practice.stance);
  }
  const csv = parseCsv((await app.inject(`/v1/compare?${q}&format=csv`)).body);
  t.equal(csv.length, 5);
  csv.forEach((r, i) => {
    const j = json.data[i];
    t.equal(r.country, j.country);
    t.equal(r.found, String(j.found));
    t.equal(r.rulings, String(j.rulings));
    t.equal(r.imprisonmentMax, j.imprisonmentMax === null ? '' : String(j.imprisonmentMax));
    t.equal(r.articles, j.articles.join(' | '));
    t.equal(r.imprisonmentAlternatives, j.imprisonmentAlternatives.join(' | '));
    t.equal(r.inForce, j.inForce ?? '');
    t.equal(r.stance, j.stance ?? '');
  });
  // Unknown is null in JSON (an empty cell in CSV), never an "unknown" string: TM's stance and law are not known.
  const tm = json.data.find((r: { country: string }) => r.country === 'TM');
  t.same({ found: tm.found, inForce: tm.inForce, stance: tm.stance }, { found: false, inForce: null, stance: null });
});

t.test('a penalty the data marks as conflicting with the text is served as disputed, with its note', async (t) => {
  const marked = ds.countries.flatMap((c) =>
    c.law.provisions.flatMap((p) =>
      p.versions.flatMap((v, vi) =>
        v.parts.flatMap((pt) =>
          pt.penalties.flatMap((pen, i) => (pen.dispute ? [{ p, vi, part: pt.part, i, pen, v }] : [])),
        ),
      ),
    ),
  );
  t.ok(marked.length > 0, `the data has penalties with a dispute note (${marked.length})`);
  for (const m of marked) {
    const body = (await app.inject(`/v1/provisions/${m.p.id}`)).json();
    const served = body.versions[m.vi].parts.find((x: { part: string }) => x.part === m.part).penalties[m.i];
    t.equal(served.kind, m.pen.kind);
    t.equal(served.disputed, true, `${m.p.id} part ${m.part} ${m.pen.kind}: disputed`);
    t.equal(served.disputeNote, m.pen.dispute);
    // The consequences for a day this version is in force carry the dispute into the range of that kind.
    const date = certainDay(m.v);
    const conduct = m.v.parts.find((x) => x.part === m.part)!.conducts[0]!;
    const country = m.p.id.slice(0, 2).toUpperCase();
    const { body: c } = await ask(country, `conduct=${conduct}&date=${date}`);
    const group = c.penalties.find(
      (r: { kind: string; role: string }) => r.kind === m.pen.kind && r.role === m.pen.role,
    );
    t.equal(group?.disputed, true, `${country} ${conduct} ${date}: the ${m.pen.kind} values are disputed`);
    t.ok(
      group.alternatives.some(
        (a: { penalty: { disputeNote: string | null } }) => a.penalty.disputeNote === m.pen.dispute,
      ),
      'the alternative carries its note',
    );
  }
  // A value read in the text and contradicted by no one stays undisputed beside them.
  const uz = (await app.inject('/v1/provisions/uz-cc-1994-art-154-1')).json();
  const part1 = uz.versions.at(-1).parts.find((x: { part: string }) => x.part === '1');
  const fine = part1.penalties.find((x: { kind: string }) => x.kind === 'fine');
  t.equal(fine.disputed, false);
  t.equal(fine.disputeNote, null);
});
