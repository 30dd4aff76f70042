// Pinned facts: a sample of the forces registry's designations (data/forces.yaml), so that an accidental edit fails here.
// Each value below was checked against the source the record cites; change it only with a new source.
import t from 'tap';
import { ds } from '../dataset.js';

const forces = new Map(ds.forces.forces.map((f) => [f.id, f]));
const sourceIds = new Set(ds.sources.flatMap((s) => s.data.sources.map((x) => x.id)));

const designations = (force: string, country: string) =>
  forces.get(force)!.designations.filter((d) => d.country === country);

t.test('Katibat al-Tawhid wal-Jihad: Uzbek Supreme Court, 26 September 2016', async (t) => {
  const f = forces.get('katibat-al-tawhid-wal-jihad')!;
  t.equal(f.kind, 'armed-group');
  t.same(f.conflicts, ['syria-civil-war']);
  const [uz] = designations('katibat-al-tawhid-wal-jihad', 'UZ');
  t.equal(uz?.status, 'terrorist');
  t.equal(uz?.from, '2016-09-26');
  t.equal(uz?.to, null);
  t.match(uz?.act, /Supreme Court of Uzbekistan/);
  // round-4 audit: a second item citing the same decision (xabar.uz, State Security Service) was added
  t.same(uz?.sources, ['xs-nd-tashkent-ktj-members-detained', 'xabar-nd-tashkent-tjk-members-detained']);
  const [kg] = designations('katibat-al-tawhid-wal-jihad', 'KG');
  t.equal(kg?.from, null, 'the Osh City Court decision date is not given');
  t.match(kg?.act, /Osh City Court/);
  t.ok(kg?.sources.includes('sputnik-uz-2016-03-22-kg-jamaat-tawhid-terrorist'));
});

t.test('Katibat Imam al-Bukhari: no Central Asian designation found', async (t) => {
  const f = forces.get('katibat-imam-al-bukhari')!;
  t.same(f.designations, []);
  t.ok(f.sources.includes('rferl-nd-kyrgyzstan-could-designate-is'));
});

t.test('Taliban: designated and later removed in Kazakhstan and Kyrgyzstan, still listed in Tajikistan', async (t) => {
  const kz = designations('taliban', 'KZ');
  t.same(
    kz.map((d) => [d.from, d.to]),
    [
      ['2005-03-15', '2023-12'],
      ['2015', '2023-12'],
    ],
    'the disagreeing designation years are both kept (2005 refined to the day by The Times of Central Asia)',
  );
  t.match(kz[0]?.act, /Supreme Court of Kazakhstan on 15 March 2005/);
  const [kg] = designations('taliban', 'KG');
  t.equal(kg?.from, '2006-09-15', 'day given by The Times of Central Asia (round-4 audit)');
  t.equal(kg?.to, '2024-09');
  t.match(kg?.act, /Pervomaisky District Court/);
  const [tj] = designations('taliban', 'TJ');
  t.equal(tj?.from, '2006-03-30');
  t.equal(tj?.to, null);
  t.equal(tj?.basis, 'official-statement');
  t.ok(forces.get('taliban')!.sources.includes('asiaplus-2016-10-24-nazarov-taliban-16-years'));
});

t.test('Islamic Movement of Uzbekistan: Tajik dates disagree and are both kept', async (t) => {
  const tj = designations('islamic-movement-of-uzbekistan', 'TJ');
  t.same(
    tj.map((d) => [d.status, d.from]),
    [
      ['banned', '2000'],
      ['terrorist', '2006-03-30'],
    ],
  );
  const [kz] = designations('islamic-movement-of-uzbekistan', 'KZ');
  t.equal(kz?.status, 'terrorist');
  t.equal(kz?.from, null);
  t.same(designations('islamic-movement-of-uzbekistan', 'UZ'), [], 'no Uzbek act found');
});

t.test('no Turkmen designation is recorded and every designation names known sources', async (t) => {
  for (const f of ds.forces.forces) {
    t.notOk(
      f.designations.some((d) => d.country === 'TM'),
      `${f.id}: no TM designation`,
    );
    for (const d of f.designations) for (const s of d.sources) t.ok(sourceIds.has(s), `${f.id}: source ${s} exists`);
  }
});

t.test('Islamic State: court decisions in Kazakhstan, Kyrgyzstan and Tajikistan', async (t) => {
  const [kz] = designations('islamic-state', 'KZ');
  t.equal(kz?.from, '2015-10-15');
  t.match(kz?.act, /Esil District Court of Astana/);
  const [kg] = designations('islamic-state', 'KG');
  t.equal(kg?.from, '2015-03-16', 'in force from 16 March 2015 (ruling of 13 February)');
  t.match(kg?.act, /Oktyabrsky District Court of Bishkek/);
  const tj = designations('islamic-state', 'TJ');
  t.same(
    tj.map((d) => d.from),
    ['2015-04', '2015-05'],
    'the Tajik sources disagree on the month; both kept',
  );
  t.ok(tj[0]?.sources.includes('loc-2015-06-08-tajikistan-isis-terrorist'), 'the year rests on a second source');
});
