// The law on every date: for each country and for fighting abroad and mercenarism, from 2010 to today, the
// consequences answer names exactly the articles whose versions in data/ are in force (worked out here from the YAML
// with the rules, independently of the database) on each side of every version boundary, inside every interval
// between boundaries and on the first of every year; and every month that no article covers is one of the holes listed below, each explained by a recorded
// gap. A new hole, or an article lost, fails here.
import t from 'tap';
import { loadDataset } from '../../src/data/load.js';
import { provisionSpan } from '../../src/data/check.js';
import { partsReaching, versionsOnDate } from '../../src/rules/law.js';
import { boundsOf } from '../../src/rules/dates.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);
const ds = await loadDataset('data');
const CONDUCTS = ['armed-conflict-participation', 'mercenary-participation'] as const;
const today = new Date().toISOString().slice(0, 10);

/** The first of every month from January 2010 to this month. */
function months(): string[] {
  const out: string[] = [];
  for (let y = 2010; ; y++)
    for (let m = 1; m <= 12; m++) {
      const d = `${y}-${String(m).padStart(2, '0')}-01`;
      if (d > today) return out;
      out.push(d);
    }
}

/** What data/ says is in force: provision id -> 'certain' | 'possible'. */
function expected(code: string, conduct: string, date: string): Record<string, string> {
  const c = ds.countries.find((x) => x.country.country.code === code)!;
  const out: Record<string, string> = {};
  for (const p of c.law.provisions.filter((p) => p.scope === 'core')) {
    const versions = p.versions.map((v) => ({ ...v, textUnknown: v.textUnknown ?? null }));
    for (const { version, inForce } of versionsOnDate(versions, date)) {
      const r = partsReaching(version, p.conducts, [conduct]);
      if (r.parts.length || r.whole.length) out[p.id] = out[p.id] === 'certain' ? 'certain' : inForce;
    }
  }
  return out;
}

const dayBefore = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);

/** The middle day between two dates. */
const middle = (a: string, b: string) =>
  new Date(Math.floor((Date.parse(a) + Date.parse(b)) / 2 / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

/**
 * The dates asked of the API: each side of every boundary of the country's texts, the middle of every interval
 * between two consecutive dates of those, and the first of every year. Between two boundaries what is in force does
 * not change, so one date inside each interval checks it; the first of every quarter, asked before, cost about 70%
 * more requests for the same intervals.
 */
function datesFor(code: string): string[] {
  const c = ds.countries.find((x) => x.country.country.code === code)!;
  const edges = c.law.provisions.flatMap((p) =>
    p.versions
      .flatMap((v) => [v.validFrom, ...(v.validTo ? [v.validTo] : [])])
      .flatMap((b) => {
        const { earliest, latest } = boundsOf(b);
        return [dayBefore(earliest), earliest, latest];
      }),
  );
  const years = months().filter((d) => d.slice(5, 7) === '01');
  const points = [...new Set([...years, ...edges, today])].filter((d) => d >= '2010-01-01' && d <= today).sort();
  const middles = points.slice(1).map((d, i) => middle(points[i]!, d));
  return [...new Set([...points, ...middles])].sort();
}

/** Months no article covers, per country and conduct. */
const holes = new Map<string, string[]>();

for (const code of ['KZ', 'KG', 'TJ', 'TM', 'UZ']) {
  t.test(`${code}: the articles in force every month since 2010`, async (t) => {
    for (const conduct of CONDUCTS) {
      holes.set(
        `${code} ${conduct}`,
        months()
          .filter((d) => Object.keys(expected(code, conduct, d)).length === 0)
          .map((d) => d.slice(0, 7)),
      );
      const dates = datesFor(code);
      for (const date of dates) {
        const want = expected(code, conduct, date);
        const res = await app.inject(`/v1/countries/${code}/consequences?conduct=${conduct}&date=${date}`);
        const body = res.json();
        const got: Record<string, string> = {};
        for (const p of body.provisions as { provision: { id: string }; inForce: string }[])
          got[p.provision.id] = got[p.provision.id] === 'certain' ? 'certain' : p.inForce;
        if (JSON.stringify(got) !== JSON.stringify(want)) t.same(got, want, `${code} ${conduct} ${date}`);
        if (body.found !== Object.keys(want).length > 0) t.fail(`${code} ${conduct} ${date}: found is ${body.found}`);
        if (!body.found && !/not that there is no penalty/.test(body.unknowns[0] ?? ''))
          t.fail(`${code} ${conduct} ${date}: found false without the unknown explained`);
      }
      t.pass(`${code} ${conduct}: ${dates.length} dates checked`);
    }
  });
}

t.test('every month without an article is a known hole explained by a recorded gap', async (t) => {
  // Runs of months with no article, per country and conduct, and the gap (country.yaml) that explains each.
  const runs = (ms: string[]) => {
    const out: string[] = [];
    let startRun: string | undefined;
    let prev: string | undefined;
    const next = (m: string) => {
      const [y, mo] = m.split('-').map(Number) as [number, number];
      return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
    };
    for (const m of ms) {
      if (prev && next(prev) === m) prev = m;
      else {
        if (startRun) out.push(`${startRun}..${prev}`);
        startRun = prev = m;
      }
    }
    if (startRun) out.push(`${startRun}..${prev}`);
    // A hole that lasts until today is written "..now", so that the list does not change every month.
    return out.map((r) => r.replace(`..${today.slice(0, 7)}`, '..now'));
  };
  const found = Object.fromEntries([...holes].map(([k, ms]) => [k, runs(ms)]).filter(([, r]) => r!.length > 0));
  t.same(found, KNOWN_HOLES.holes, 'holes in the legal record since 2010');
  for (const [key, gapPattern] of Object.entries(KNOWN_HOLES.explainedBy)) {
    const code = key.split(' ')[0]!;
    const gaps = ds.countries.find((c) => c.country.country.code === code)!.country.gaps;
    t.ok(
      gaps.some((g) => gapPattern.test(g.note)),
      `${key}: a gap explains the hole (${gapPattern})`,
    );
  }
});

t.test('each core article spans its code: its first version starts when it took effect', async (t) => {
  const instruments = new Map(ds.countries.flatMap((c) => c.law.instruments.map((i) => [i.id, i] as const)));
  for (const c of ds.countries)
    for (const p of c.law.provisions.filter((p) => p.scope === 'core')) {
      const span = provisionSpan(p, instruments);
      t.equal(p.versions[0]!.validFrom, span.from, `${p.id} starts at ${span.from}`);
      t.equal(p.versions.at(-1)!.validTo, span.to, `${p.id} ends at ${span.to ?? 'null (in force)'}`);
    }
});

/** The holes of the record since 2010, and the gap in country.yaml that says why each is a hole. Each is "unknown to
 * the dataset", never "no penalty": the answer says so. Change this list only with the data that closes a hole. */
const KNOWN_HOLES: { holes: Record<string, string[]>; explainedBy: Record<string, RegExp> } = {
  holes: {
    // Participation in foreign armed conflicts entered the 1997 code as art. 162-1 only in 2014.
    'KZ armed-conflict-participation': ['2010-01..2014-02'],
    // The 1997 code's participation article is known by heading only, without a number.
    'KG armed-conflict-participation': ['2010-01..2018-12'],
    // The number of the 2017 code's mercenarism article was not found.
    'KG mercenary-participation': ['2019-01..2021-11'],
    // Art. 401-1 was added in 2014 (an interval from 22 May 2014).
    'TJ armed-conflict-participation': ['2010-01..2014-05'],
    // No Turkmen article on participation in conflicts abroad was found.
    'TM armed-conflict-participation': ['2010-01..now'],
    // Art. 176 of the 2023 revised edition is known only for recruiting, training and financing.
    'TM mercenary-participation': ['2023-01..now'],
  },
  explainedBy: {
    'KZ armed-conflict-participation': /Article 162-1 "Participation in foreign armed conflicts" of the 1997 code/,
    'KG armed-conflict-participation': /1997 code's article on participation in armed conflicts abroad/,
    'KG mercenary-participation': /number and penalties of the mercenarism article of the 2017 code/,
    'TJ armed-conflict-participation': /2014 law adding art\. 401-1/,
    'TM armed-conflict-participation': /No article criminalising participation in armed conflicts abroad/,
    'TM mercenary-participation': /revised edition of the Criminal Code in force since 1 January 2023 was not found/,
  },
};
