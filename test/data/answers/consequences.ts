// What the consequences answers say on the real data/: the provisions in force for every country, conduct and a few
// dates are the rules' own on the YAML, and the Kyrgyz articles the data records are served as the data has them.
// The behaviours themselves (dates, versions, lex mitior, disputes, CSV, errors) are tested on the fixture in
// test/routes/richer/consequences.ts.
import t from 'tap';
import { datasetRevision } from '../../../src/data/revision.js';
import { boundsOf } from '../../../src/rules/dates.js';
import { SERVICE_CONDUCTS } from '../../../src/rules/law.js';
import { applicableOf, servedOf } from '../../fixtures/oracle.js';
import { app } from './app.js';
import { ds } from '../dataset.js';

const revision = datasetRevision(ds);

/** What the dataset says applies, by the rules on its YAML (test/fixtures/oracle.ts). */
const expected = (country: string, conducts: string[], date: string) => applicableOf(ds, country, conducts, date);
const served = servedOf;

const ask = async (country: string, query: string) => {
  const res = await app.inject(`/v1/countries/${country}/consequences?${query}`);
  if (res.statusCode !== 200) throw new Error(`${country} ${query}: ${res.statusCode} ${res.body}`);
  return res.json();
};

t.test('every country, every conduct, on several dates: the provisions in force that day', async (t) => {
  for (const country of ['KZ', 'KG', 'TJ', 'TM', 'UZ'])
    for (const conduct of ds.conducts.conducts.map((c) => c.code))
      for (const date of ['2012-06-01', '2020-06-01', '2024-06-01']) {
        const body = await ask(country, `conduct=${conduct}&date=${date}`);
        t.strictSame(served(body.provisions), expected(country, [conduct], date), `${country} ${conduct} ${date}`);
        t.equal(body.datasetRevision, revision);
      }
  const force = await ask('KG', 'force=russia-armed-forces&date=2024-06-01');
  t.strictSame(served(force.provisions), expected('KG', SERVICE_CONDUCTS, '2024-06-01'), 'KG, serving a force');
});

t.test(
  'Kyrgyzstan 2019: art. 243 of the 2017 code; its unread 2020 text and disputed successor are undecided',
  async (t) => {
    const body = await ask('KG', 'conduct=armed-conflict-participation&date=2019-06-01');
    t.strictSame(
      body.provisions.map((p: { provision: { id: string }; inForce: string }) => [p.provision.id, p.inForce]),
      [['kg-cc-2017-art-243', 'certain']],
    );
    const p = body.provisions[0];
    t.strictSame(p.moreLenientLater, []);
    t.strictSame(
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
  },
);

t.test('every penalty data/ marks as conflicting with the text is served disputed, with its note', async (t) => {
  const marked = ds.countries.flatMap((c) =>
    c.law.provisions.flatMap((p) =>
      p.versions.flatMap((v, vi) =>
        v.parts.flatMap((pt) => pt.penalties.flatMap((pen, i) => (pen.dispute ? [{ p, v, vi, pt, i, pen }] : []))),
      ),
    ),
  );
  t.ok(marked.length > 0, `the data has penalties with a dispute note (${marked.length})`);
  for (const m of marked) {
    const body = (await app.inject(`/v1/provisions/${m.p.id}`)).json();
    const pen = body.versions[m.vi].parts.find((x: { part: string }) => x.part === m.pt.part).penalties[m.i];
    t.strictSame([pen.kind, pen.disputed, pen.disputeNote], [m.pen.kind, true, m.pen.dispute], m.p.id);
    const date = boundsOf(m.v.validFrom).latest;
    const c = await ask(m.p.id.slice(0, 2).toUpperCase(), `conduct=${m.pt.conducts[0]}&date=${date}`);
    const group = c.penalties.find(
      (g: { kind: string; role: string }) => g.kind === m.pen.kind && g.role === m.pen.role,
    );
    t.equal(group?.disputed, true, `${m.p.id} ${date}: the ${m.pen.kind} values are disputed`);
  }
});
