// Crafted input that used to reach the database or Node's parser as a 500 or a bare status line: cursors of every
// paginated list (impossible dates, NUL, numbers out of range, wrong shapes), year 0000 in dates, an empty path
// segment, malformed HTTP, oversized headers and a wrong Expect. Each is a problem+json 4xx naming what is wrong. On
// the fixture dataset (test/fixtures/dataset.ts): none of this depends on the real data.
import net from 'node:net';
import t from 'tap';
import { fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp, expectBadParameters } from '../helper.js';

const app = await buildTestApp(t, await fixtureDataset(t));
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

t.test('crafted cursors on every paginated list are a 400 naming cursor', async (t) => {
  const lists = ['/v1/cases', '/v1/provisions', '/v1/practice', '/v1/sources', '/v1/search?q=mercenary', '/v1/changes'];
  const crafted = [
    b64(['2024-13-45', 'x']),
    b64(['2024-02-30', 'x']),
    b64(['0000-01-01', 'x']),
    b64(['a\u0000b']),
    b64(['1e400', 'case', 'x']),
    b64([1, 2]),
    b64({ a: 1 }),
    'not-base64-$$$',
    b64(['\u0000', '\u0000', '\u0000']),
  ];
  // A sequence number out of range on the change feed, whose cursor is a number.
  const urls = [`/v1/changes?cursor=${b64(['99999999999999999999'])}`];
  for (const list of lists)
    for (const cursor of crafted)
      urls.push(`${list}${list.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`);
  for (const url of urls) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 400, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const body = res.json();
    t.strictSame(
      {
        type: body.type,
        status: body.status,
        instance: body.instance,
        errors: body.errors.map((e: { in: string; name: string }) => ({ in: e.in, name: e.name })),
      },
      { type: '/problems/invalid-parameter', status: 400, instance: url, errors: [{ in: 'query', name: 'cursor' }] },
      url,
    );
  }
});

t.test('year 0000 and out-of-range dates are a 400 naming the parameter', async (t) => {
  const bad: [string, string][] = [
    ['/v1/countries/KG/consequences?conduct=recruitment&date=0000-01-01', 'date'],
    ['/v1/countries/KG/consequences?conduct=recruitment&date=1800-01-01', 'date'],
    ['/v1/compare?conduct=recruitment&date=0000-06-01', 'date'],
    ['/v1/provisions?date=0000-01-01', 'date'],
    ['/v1/provisions/kg-cc-2020-art-100/versions?date=0000-01-01', 'date'],
    ['/v1/changes?since=0000-01-01', 'since'],
    ['/v1/changes?since=0000-01-01T00:00:00Z', 'since'],
    ['/v1/cases?decidedFrom=0000', 'decidedFrom'],
  ];
  await expectBadParameters(t, app, bad);
});

t.test('an empty path segment is not an id: a 404 problem saying so', async (t) => {
  for (const url of ['/v1/instruments//', '/v1/cases//', '/v1/provisions//', '/v1/sources//', '/v1/practice//']) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 404, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.strictSame(
      res.json(),
      {
        type: '/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'no record has an empty id',
        instance: url,
      },
      url,
    );
  }
});

t.test("errors of Node's HTTP parser are problem+json with Connection: close", async (t) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const raw = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => s.write(text));
      let out = '';
      s.on('data', (d) => (out += d.toString('latin1')));
      s.on('end', () => resolve(out));
      s.on('error', reject);
      s.setTimeout(5000, () => (s.destroy(), resolve(out)));
    });
  const cases: [string, string, number, string][] = [
    ['malformed request line', 'GARBAGE\r\n\r\n', 400, '/problems/bad-request'],
    [
      'headers too large',
      `GET /v1/countries HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`,
      431,
      '/problems/header-fields-too-large',
    ],
    [
      'a wrong Expect',
      'GET /v1/countries HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n',
      417,
      '/problems/expectation-failed',
    ],
  ];
  for (const [name, text, status, type] of cases) {
    const out = await raw(text);
    const [head, body] = out.split('\r\n\r\n');
    t.match(head, new RegExp(`^HTTP/1.1 ${status} `), name);
    t.match(head, /content-type: application\/problem\+json/i, `${name}: problem+json`);
    t.match(head, /connection: close/i, `${name}: Connection: close`);
    t.equal(JSON.parse(body!).type, type, name);
    t.equal(JSON.parse(body!).status, status, name);
  }
});
