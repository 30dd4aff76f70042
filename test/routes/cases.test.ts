import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const allCases = ds.countries.flatMap((c) => c.cases.cases.map((k) => ({ ...k, country: c.country.country.code })));

const get = async (url: string) => {
  const res = await app.inject(url);
  return { res, body: res.json() };
};

t.test('walking every page returns each case exactly once, newest first', async (t) => {
  for (const sort of ['-decided', 'decided']) {
    const seen: string[] = [];
    const dates: string[] = [];
    let url: string | null = `/v1/cases?limit=7&sort=${sort}`;
    let pages = 0;
    while (url) {
      const { res, body } = await get(url);
      t.equal(res.statusCode, 200);
      t.ok(body.data.length <= 7);
      for (const c of body.data) {
        seen.push(c.id);
        dates.push(c.decided.date.padEnd(10, '-01').slice(0, 10));
      }
      const link = res.headers.link as string | undefined;
      if (body.page.next) t.match(link, /rel="next"/);
      else t.equal(link, undefined);
      url = link ? link.match(/<([^>]+)>/)![1]! : null;
      pages++;
    }
    t.equal(pages, Math.ceil(allCases.length / 7), `${sort}: page count`);
    t.same([...seen].sort(), allCases.map((c) => c.id).sort(), `${sort}: every case once`);
    t.equal(new Set(seen).size, seen.length, `${sort}: no repeats`);
    const sorted = [...dates].sort();
    t.same(dates, sort === 'decided' ? sorted : sorted.reverse(), `${sort}: ordered by date`);
  }
});

t.test('filters by country, provision, conduct, outcome and date range', async (t) => {
  const kg = allCases.filter((c) => c.country === 'KG');
  const { body } = await get('/v1/cases?country=KG&limit=200');
  t.same(body.data.map((c: { id: string }) => c.id).sort(), kg.map((c) => c.id).sort());

  const charged = allCases.find((c) => c.charges.length > 0)!;
  const provision = charged.charges[0]!.provision;
  const withProvision = allCases.filter((c) => c.charges.some((ch) => ch.provision === provision));
  const byProvision = await get(`/v1/cases?provision=${provision}&limit=200`);
  t.same(byProvision.body.data.map((c: { id: string }) => c.id).sort(), withProvision.map((c) => c.id).sort());

  const conduct = 'recruitment';
  const withConduct = allCases.filter((c) => c.conducts.includes(conduct));
  const byConduct = await get(`/v1/cases?conduct=${conduct}&limit=200`);
  t.equal(byConduct.body.data.length, withConduct.length);

  const convicted = allCases.filter((c) => c.outcome === 'convicted');
  const byOutcome = await get('/v1/cases?outcome=convicted&limit=200');
  t.equal(byOutcome.body.data.length, convicted.length);
  t.ok(convicted.length > 0);

  const kinds = [...new Set(allCases.map((c) => c.dateKind))];
  t.same([...kinds].sort(), ['decision', 'inferred', 'not-after', 'reported'], 'every date kind occurs in the data');
  for (const kind of kinds) {
    const ofKind = allCases.filter((c) => c.dateKind === kind);
    const byKind = await get(`/v1/cases?dateKind=${kind}&limit=200`);
    t.same(byKind.body.data.map((c: { id: string }) => c.id).sort(), ofKind.map((c) => c.id).sort(), kind);
    for (const c of byKind.body.data) {
      const yaml = ofKind.find((k) => k.id === c.id)!;
      t.equal(c.decided.kind, kind);
      t.equal(c.decided.note, yaml.dateNote ?? null, `${c.id} date note`);
    }
  }

  const in2024 = allCases.filter((c) => c.decided.startsWith('2024'));
  const byDate = await get('/v1/cases?decidedFrom=2024&decidedTo=2024&limit=200');
  t.same(byDate.body.data.map((c: { id: string }) => c.id).sort(), in2024.map((c) => c.id).sort());
});

t.test('a case as the data gives it, with charges, sentences, events and sources', async (t) => {
  for (const k of allCases.filter((c) => c.sentences.length > 0 || c.events.length > 0).slice(0, 10)) {
    const { res, body } = await get(`/v1/cases/${k.id}`);
    t.equal(res.statusCode, 200);
    t.equal(body.country, k.country);
    t.equal(body.decided.date, k.decided);
    t.equal(body.defendant.name, k.defendant.name);
    t.equal(body.outcome, k.outcome);
    t.same(
      body.charges.map((c: { provision: { id: string }; part: string | null }) => [c.provision.id, c.part]),
      k.charges.map((c) => [c.provision, c.part]),
    );
    t.same(
      body.sentences.map((s: { kind: string; years: number | null; suspended: boolean }) => [
        s.kind,
        s.years,
        s.suspended,
      ]),
      k.sentences.map((s) => [s.kind, s.years ?? null, s.suspended]),
    );
    t.same(
      body.events.map((e: { kind: string }) => e.kind),
      k.events.map((e) => e.kind),
    );
    t.same(
      body.sources.map((s: { id: string }) => s.id),
      [...new Set(k.sources)],
    );
    t.ok(body.sources.every((s: { title: string; publisher: string }) => s.title && s.publisher));
  }
});

t.test('bad parameters are 400 problems naming the parameter', async (t) => {
  const cases: [string, string][] = [
    ['/v1/cases?limit=0', 'limit'],
    ['/v1/cases?limit=201', 'limit'],
    ['/v1/cases?limit=abc', 'limit'],
    ['/v1/cases?country=XX', 'country'],
    ['/v1/cases?outcome=hanged', 'outcome'],
    ['/v1/cases?decidedFrom=2024-13', 'decidedFrom'],
    ['/v1/cases?sort=name', 'sort'],
    ['/v1/cases?bogus=1', 'bogus'],
    ['/v1/cases?cursor=not-a-cursor', 'cursor'],
    ['/v1/cases?conduct=flying', 'conduct'],
    ['/v1/cases?provision=kg-cc-2021-art-999', 'provision'],
    ['/v1/cases?force=nobody', 'force'],
    ['/v1/cases?dateKind=guessed', 'dateKind'],
  ];
  for (const [url, name] of cases) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 400, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/, url);
    const body = res.json();
    t.equal(body.status, 400);
    t.equal(body.type, '/problems/invalid-parameter');
    t.ok(
      body.errors.some((e: { name: string }) => e.name === name),
      `${url} names ${name}`,
    );
    t.notMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
  }
});

t.test('an unknown case id is a 404 problem', async (t) => {
  const res = await app.inject('/v1/cases/kg-1999-nowhere-xx');
  t.equal(res.statusCode, 404);
  t.equal(res.json().type, '/problems/not-found');
  t.match(res.json().detail, /kg-1999-nowhere-xx/);
});
