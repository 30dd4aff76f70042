// Limits and hostile clients: rate limit per client, security headers, URL and body limits, load shedding, and the
// response cache answering exactly what the route answers. On the fixture dataset (test/fixtures/dataset.ts): none of
// this depends on the real data.
import t from 'tap';
import { rateLimitDetail, SECURITY_HEADERS } from '../../src/http/protection.js';
import { fixtureDataset } from '../fixtures/dataset.js';
import { buildTestApp } from '../helper.js';

const dir = await fixtureDataset(t);
const app = await buildTestApp(t, dir, { rateLimitMax: 5, rateLimitWindowMs: 60_000, maxInFlight: 2 });

t.test('the 429 detail counts requests in words: one request, several requests', async (t) => {
  t.equal(
    rateLimitDetail(1, 1_000, '1 second'),
    'more than 1 request in 1 s from this client; try again after 1 second',
  );
  t.equal(
    rateLimitDetail(100, 60_000, '1 minute'),
    'more than 100 requests in 60 s from this client; try again after 1 minute',
  );
});

t.test('rate limit: the 6th request in a window from one client is a 429 problem with Retry-After', async (t) => {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    statuses.push((await app.inject({ url: '/v1/countries', remoteAddress: '10.0.0.1' })).statusCode);
  }
  t.strictSame(statuses, [200, 200, 200, 200, 200]);
  const limited = await app.inject({ url: '/v1/cases', remoteAddress: '10.0.0.1' });
  t.equal(limited.statusCode, 429);
  t.match(limited.headers['content-type'], /^application\/problem\+json/);
  t.strictSame(limited.json(), {
    type: '/problems/too-many-requests',
    title: 'Too many requests',
    status: 429,
    detail: 'more than 5 requests in 60 s from this client; try again after 1 minute',
    instance: '/v1/cases',
  });
  const retryAfter = Number(limited.headers['retry-after']);
  t.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  t.equal(limited.headers['x-ratelimit-remaining'], '0');

  const other = await app.inject({ url: '/v1/countries', remoteAddress: '10.0.0.2' });
  t.equal(other.statusCode, 200, 'another client is not limited');
  const probe = await app.inject({ url: '/health', remoteAddress: '10.0.0.1' });
  t.equal(probe.statusCode, 200, 'health probes are never limited');
  const conditional = await app.inject({
    url: '/v1/countries',
    remoteAddress: '10.0.0.1',
    headers: { 'if-none-match': '*' },
  });
  t.equal(conditional.statusCode, 429, 'conditional requests count too');
});

t.test('security headers on data, problems and docs', async (t) => {
  for (const url of ['/v1/countries', '/v1/cases/none', '/docs/static/index.html']) {
    const res = await app.inject({ url, remoteAddress: `10.1.0.${url.length}` });
    t.equal(res.headers['x-content-type-options'], 'nosniff', url);
    t.match(res.headers['content-security-policy'], /default-src 'self'/, url);
    // /docs must work over plain http on any host: its local assets are not upgraded to https.
    t.notMatch(res.headers['content-security-policy'], /upgrade-insecure-requests/, url);
    t.match(res.headers['strict-transport-security'], /max-age=\d+/, url);
    t.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
    t.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', url);
    t.notOk(res.headers['x-powered-by'], url);
    // Every header helmet gives, with helmet's value (worked out once at start, not per request).
    const sent = Object.fromEntries(Object.keys(SECURITY_HEADERS).map((k) => [k, res.headers[k]]));
    t.strictSame(sent, SECURITY_HEADERS, url);
  }
  t.strictSame(Object.keys(SECURITY_HEADERS).sort(), [
    'content-security-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'origin-agent-cluster',
    'referrer-policy',
    'strict-transport-security',
    'x-content-type-options',
    'x-dns-prefetch-control',
    'x-download-options',
    'x-frame-options',
    'x-permitted-cross-domain-policies',
    'x-xss-protection',
  ]);
});

t.test('a request target over 4096 characters is a 414 problem', async (t) => {
  const res = await app.inject({ url: `/v1/cases?q=${'a'.repeat(5000)}`, remoteAddress: '10.2.0.1' });
  t.equal(res.statusCode, 414);
  t.strictSame(res.json(), {
    type: '/problems/uri-too-long',
    title: 'URI too long',
    status: 414,
    detail: 'the request target is longer than 4096 characters',
    instance: `/v1/cases?q=${'a'.repeat(5000)}`,
  });
});

t.test(
  'bodies: a large one is refused with 413; a small one on a read-only path is 405; GET ignores one',
  async (t) => {
    const post = (size: number) =>
      app.inject({
        method: 'POST',
        url: '/v1/cases',
        remoteAddress: '10.3.0.1',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ x: 'a'.repeat(size) }),
      });
    const big = await post(100_000);
    t.equal(big.statusCode, 413);
    t.strictSame(big.json(), {
      type: '/problems/payload-too-large',
      title: 'Payload too large',
      status: 413,
      detail: 'the request body is too large',
      instance: '/v1/cases',
    });
    const small = await post(10);
    t.equal(small.statusCode, 405);
    t.equal(small.headers.allow, 'GET, HEAD');
    t.strictSame(small.json(), {
      type: '/problems/method-not-allowed',
      title: 'Method not allowed',
      status: 405,
      detail: 'POST is not allowed on /v1/cases; use GET, HEAD',
      instance: '/v1/cases',
    });
    const withBody = await app.inject({
      method: 'GET',
      url: '/v1/countries',
      remoteAddress: '10.3.0.2',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ x: 'a'.repeat(20_000) }),
    });
    t.equal(withBody.statusCode, 200);
    t.strictSame(
      withBody.json().data.map((c: { code: string }) => c.code),
      ['KG', 'UZ'],
    );
  },
);

t.test('more requests in flight than allowed: the excess is shed with 503 and Retry-After', async (t) => {
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      app.inject({
        url: `/v1/compare?conduct=mercenary-participation&date=2024-01-1${i}`,
        remoteAddress: `10.4.0.${i}`,
      }),
    ),
  );
  // All eight arrive before the first answer (each needs two database statements): two are served, six shed.
  const statuses = answers.map((a) => a.statusCode);
  t.strictSame(statuses, [200, 200, 503, 503, 503, 503, 503, 503]);
  for (const a of answers.filter((x) => x.statusCode === 503)) {
    t.equal(a.headers['retry-after'], '1');
    const body = a.json();
    t.strictSame(
      { ...body, title: typeof body.title, instance: typeof body.instance },
      {
        type: '/problems/service-unavailable',
        title: 'string',
        status: 503,
        detail: 'the service is overloaded',
        instance: 'string',
      },
    );
  }
  const after = await app.inject({ url: '/v1/countries', remoteAddress: '10.4.1.1' });
  t.equal(after.statusCode, 200, 'capacity comes back when the requests finish');
});

t.test('the response cache answers exactly what the route answers', async (t) => {
  const url = '/v1/cases?country=KG&limit=5';
  const first = await app.inject({ url, remoteAddress: '10.5.0.1' });
  const second = await app.inject({ url, remoteAddress: '10.5.0.2' });
  t.equal(first.statusCode, 200);
  t.equal(second.body, first.body);
  for (const h of ['content-type', 'etag', 'link', 'dataset-revision', 'cache-control', 'vary']) {
    t.equal(second.headers[h], first.headers[h], h);
  }
  const csv = await app.inject({ url, remoteAddress: '10.5.0.3', headers: { accept: 'text/csv' } });
  t.match(csv.headers['content-type'], /^text\/csv/, 'a different Accept is a different entry');
  const gz = await app.inject({ url, remoteAddress: '10.5.0.4', headers: { 'accept-encoding': 'gzip' } });
  t.equal(gz.headers['content-encoding'], 'gzip', 'cached bodies are still compressed on request');
});

t.test(
  'a cached answer carries the CORS headers of its own request, not those of the request that filled it',
  async (t) => {
    const listed = await buildTestApp(t, dir, { corsOrigins: 'https://a.example,https://b.example' });
    const url = '/v1/countries/UZ';
    const a = await listed.inject({ url, headers: { origin: 'https://a.example' } });
    const b = await listed.inject({ url, headers: { origin: 'https://b.example' } });
    const stranger = await listed.inject({ url, headers: { origin: 'https://evil.example' } });
    t.equal(b.body, a.body, 'the second answer came from the same cached body');
    t.equal(a.headers['access-control-allow-origin'], 'https://a.example');
    t.equal(b.headers['access-control-allow-origin'], 'https://b.example');
    t.notOk(stranger.headers['access-control-allow-origin'], 'an origin not listed gets no CORS grant');
    for (const res of [a, b])
      t.strictSame(String(res.headers.vary).split(', ').sort(), ['Accept', 'Accept-Encoding', 'Origin']);
  },
);

t.test('clients sending their bodies slowly hold connections, never the slots of the work in flight', async (t) => {
  // maxInFlight is 2 here: before, three slow bodies took both slots (and more), and every request was shed with 503
  // until they finished. Now a request counts once it has arrived.
  const net = await import('node:net');
  const { buildApp } = await import('../../src/app.js');
  const served = await buildApp({
    config: { logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0, maxInFlight: 2 },
    database: app.database,
    logger: false,
  });
  await served.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => served.close());
  const { port } = served.server.address() as { port: number };
  const slow = Array.from({ length: 6 }, () => {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    // A body on POST is read before any answer (bodyLimit, then 405): it is what a slow sender holds up.
    s.write(
      'POST /v1/countries HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n' +
        'x'.repeat(10),
    );
    return s;
  });
  t.teardown(() => slow.forEach((s) => s.destroy()));
  await new Promise((r) => setTimeout(r, 200));
  t.equal(served.requestsInFlight(), 0, 'the slow senders count for nothing while their bodies arrive');
  const statuses = await Promise.all(
    Array.from({ length: 2 }, () => fetch(`http://127.0.0.1:${port}/v1/conducts`).then((r) => r.status)),
  );
  t.strictSame(statuses, [200, 200], 'other clients are served meanwhile');
});

t.test(
  'a stored answer is sent with the headers of the answer computed, and the counters of its own request',
  async (t) => {
    // A client of its own (rate limit 5 per window): the first answer is computed, the second and third come from the
    // response cache, written on the connection without the onSend hooks (caching.ts).
    const url = '/v1/countries/UZ';
    const ask = (encoding?: string) =>
      app.inject({
        url,
        remoteAddress: '10.9.0.1',
        headers: { origin: 'https://x.example', ...(encoding ? { 'accept-encoding': encoding } : {}) },
      });
    const computed = await ask();
    const stored = await ask();
    const storedGzip = await ask('gzip');
    const perExchange = new Set(['date', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
    const steady = (h: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(h)
          .filter(([k]) => !perExchange.has(k))
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    t.strictSame(steady(stored.headers), steady(computed.headers), 'every header but the per-exchange ones, whole');
    t.equal(stored.body, computed.body);
    // Among them the security headers, CORS and the caching headers.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) t.equal(stored.headers[name], value, name);
    t.equal(stored.headers['access-control-allow-origin'], '*');
    t.match(stored.headers.etag, /^W\/"/);
    t.strictSame(
      [computed, stored, storedGzip].map((r) => r.headers['x-ratelimit-remaining']),
      ['4', '3', '2'],
      'each request counted, the stored ones included',
    );
    // Compressed, the same headers but the encoding and length.
    const encoded = new Set(['content-encoding', 'content-length']);
    const without = (h: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(steady(h)).filter(([k]) => !encoded.has(k)));
    t.strictSame(without(storedGzip.headers), without(computed.headers));
    t.equal(storedGzip.headers['content-encoding'], computed.body.length >= 1024 ? 'gzip' : undefined);
  },
);
