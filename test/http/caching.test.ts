// The response cache on its own, on a minimal server: single flight (concurrent misses for one URL run the handler
// once), its release when the first answer is an error or not cacheable, and the cache's LRU byte bound.
import Fastify from 'fastify';
import t from 'tap';
import { FLIGHT_WAIT_MS, entrySize, registerCaching, responseCache, type Revision } from '../../src/http/caching.js';

const revision: Revision = { revision: 'r1', importedAt: '2026-01-01T00:00:00.000Z' };

async function server(maxBytes = 1024 * 1024) {
  const app = Fastify({ logger: false });
  const cache = responseCache(maxBytes);
  registerCaching(app, async () => revision, 60, cache);
  const runs: Record<string, number> = {};
  const count = (name: string) => (runs[name] = (runs[name] ?? 0) + 1);
  const pause = () => new Promise((r) => setTimeout(r, 50));
  app.get('/slow', async (req) => {
    const n = count('slow');
    await pause();
    return { n, q: (req.query as Record<string, string>).q ?? null };
  });
  app.get('/fails-once', async (_req, reply) => {
    const n = count('fails-once');
    await pause();
    if (n === 1) return reply.code(503).send({ n });
    return { n };
  });
  app.get('/big', async () => {
    const n = count('big');
    await pause();
    return { n, pad: 'x'.repeat(4096) };
  });
  await app.ready();
  return { app, cache, runs };
}

t.test('concurrent misses for one URL run the handler once and get the same answer', async (t) => {
  const { app, cache, runs } = await server();
  t.teardown(() => app.close());
  const answers = await Promise.all(Array.from({ length: 20 }, () => app.inject('/slow')));
  t.equal(runs.slow, 1, 'the handler ran once for 20 simultaneous requests');
  t.same(new Set(answers.map((a) => a.statusCode)), new Set([200]));
  t.same(new Set(answers.map((a) => a.body)), new Set(['{"n":1,"q":null}']), 'every request got the first answer');
  t.same(new Set(answers.map((a) => a.headers.etag)).size, 1, 'and its ETag');
  t.same(cache.stats, { hits: 0, misses: 1, coalesced: 19 });

  // Another URL is another flight.
  const other = await Promise.all([app.inject('/slow?q=a'), app.inject('/slow?q=b'), app.inject('/slow?q=a')]);
  t.equal(runs.slow, 3, 'two other URLs: two more runs');
  t.same(
    other.map((a) => a.json().q),
    ['a', 'b', 'a'],
  );
  // Once stored, a later request is a hit and runs nothing.
  t.equal((await app.inject('/slow')).json().n, 1);
  t.equal(runs.slow, 3);
  t.equal(cache.stats.hits, 1);
});

t.test('a first answer that is an error is not shared: the waiting requests compute their own', async (t) => {
  const { app, cache, runs } = await server();
  t.teardown(() => app.close());
  const answers = await Promise.all(Array.from({ length: 5 }, () => app.inject('/fails-once')));
  const statuses = answers.map((a) => a.statusCode).sort();
  t.same(statuses, [200, 200, 200, 200, 503], 'only the first failed; the others did not inherit its 503');
  t.equal(runs['fails-once'], 5, 'the four waiting requests each ran the handler after the failure');
  t.equal(answers.find((a) => a.statusCode === 503)?.json().n, 1);
  t.same(cache.stats, { hits: 0, misses: 5, coalesced: 0 }, 'counted as five computations, none shared');
});

t.test('an answer too large to store releases the waiting requests too', async (t) => {
  // 8 KiB cache: one entry may take 1 KiB, and the 4 KiB answer is never stored.
  const { app, cache, runs } = await server(8 * 1024);
  t.teardown(() => app.close());
  const answers = await Promise.all(Array.from({ length: 4 }, () => app.inject('/big')));
  t.same(
    answers.map((a) => a.statusCode),
    [200, 200, 200, 200],
  );
  t.equal(runs.big, 4);
  t.equal(cache.size, 0);
});

t.test('the LRU keeps to its byte bound and evicts the least recently used', async (t) => {
  const c = responseCache(8000);
  const body = (n: number) => 'y'.repeat(n);
  const one = entrySize('a', { headers: {}, body: body(400) });
  t.equal(one, 400 + 2 * (1 + 2) + 256, 'body bytes, key and headers as UTF-16, and overhead');
  c.set('a', { headers: {}, body: body(400) });
  c.set('b', { headers: {}, body: body(400) });
  t.ok(c.get('a'), 'a used, so b is now the oldest');
  for (const k of ['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm']) c.set(k, { headers: {}, body: body(400) });
  t.equal(c.get('b'), undefined, 'b evicted first');
  t.ok(c.get('a'), 'a kept');
  t.equal(c.size, Math.floor(8000 / one), 'as many entries as the bound holds');
  // A Cyrillic body is counted by its UTF-8 bytes, stored as bytes.
  t.equal(entrySize('r', { headers: {}, body: 'я'.repeat(100) }), 200 + 2 * 3 + 256);
  c.set('huge', { headers: {}, body: body(1200) });
  t.equal(c.get('huge'), undefined, 'an entry over an eighth of the cache is refused');
});

t.test('a client that leaves while its revision is read does not leave a flight behind', async (t) => {
  // The hang found by the outside test, made deterministic: the revision lookup is held open while the client sends
  // its request and closes the connection; before the fix the flight was registered after the abort and never
  // released, so every later request for the URL waited for ever.
  const net = await import('node:net');
  const app = Fastify({ logger: false });
  const cache = responseCache(1024 * 1024);
  let release!: () => void;
  let gate: Promise<void> | undefined = new Promise<void>((r) => (release = r));
  let lookups = 0;
  registerCaching(
    app,
    async () => {
      lookups += 1;
      if (gate) await gate;
      return revision;
    },
    60,
    cache,
  );
  // Not cacheable (a 404 problem-like answer), as in the report.
  app.get('/gone', async (_req, reply) => reply.code(404).send({ missing: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(() => app.close());
  const { port } = app.server.address() as { port: number };

  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((r) => socket.once('connect', () => r()));
  // The same Accept as the later request, so that both are one representation and one flight.
  socket.write('GET /gone HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n');
  while (lookups === 0) await new Promise((r) => setTimeout(r, 5));
  socket.destroy();
  await new Promise((r) => setTimeout(r, 50));
  gate = undefined;
  release();
  await new Promise((r) => setTimeout(r, 50));

  // A later request for the same URL is answered at once: no flight is left to wait for.
  const res = await fetch(`http://127.0.0.1:${port}/gone`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(FLIGHT_WAIT_MS - 1000),
  });
  t.equal(res.status, 404);
  t.same(await res.json(), { missing: true });
  t.same(cache.stats, { hits: 0, misses: 2, coalesced: 0 }, 'both requests computed their own answer');
});

t.test('an answer for today (no date given) is keyed by the day: it does not freeze at midnight', async (t) => {
  const app = Fastify({ logger: false });
  const cache = responseCache(1024 * 1024);
  registerCaching(app, async () => revision, 60, cache);
  let runs = 0;
  app.get('/answer', { config: { today: true } }, async (req) => ({
    runs: ++runs,
    date: (req.query as { date?: string }).date ?? new Date().toISOString().slice(0, 10),
  }));
  await app.ready();
  t.teardown(() => app.close());
  const first = await app.inject('/answer');
  t.equal((await app.inject('/answer')).json().runs, 1, 'cached within the day');
  // The next day: the same URL is another representation (another ETag), so the cached answer is not reused.
  const realNow = Date.now;
  Date.now = () => realNow() + 86_400_000;
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...a: ConstructorParameters<typeof Date>) {
      super(...((a.length ? a : [realNow() + 86_400_000]) as [number]));
    }
  } as DateConstructor;
  try {
    const next = await app.inject('/answer');
    t.not(next.headers.etag, first.headers.etag, 'another ETag the next day');
    t.equal(next.json().runs, 2, 'computed again');
    t.equal(next.json().date, new RealDate(realNow() + 86_400_000).toISOString().slice(0, 10));
  } finally {
    globalThis.Date = RealDate;
    Date.now = realNow;
  }
  // An explicit date is the same answer whatever the day.
  const dated = await app.inject('/answer?date=2024-06-01');
  t.equal(dated.json().date, '2024-06-01');
});

t.test('a cached answer is compressed once per encoding, then sent as the stored bytes', async (t) => {
  const zlib = (await import('node:zlib')).default;
  const fastifyCompress = (await import('@fastify/compress')).default;
  const { COMPRESS_PLUGIN_OPTIONS, BROTLI_OPTIONS, compressions } = await import('../../src/http/compression.js');
  // Every compression counted: the plugin's (through a counting zlib it is given) and the cache's own.
  const calls: Record<string, number> = {};
  const counting = Object.fromEntries(
    ['createBrotliCompress', 'createGzip', 'createDeflate'].map((name) => [
      name,
      (...a: unknown[]) => (
        (calls[name] = (calls[name] ?? 0) + 1),
        (zlib as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...a)
      ),
    ]),
  );
  const before = compressions.count;
  const total = () => Object.values(calls).reduce((a, b) => a + b, 0) + compressions.count - before;
  const app = Fastify({ logger: false });
  const cache = responseCache(1024 * 1024);
  registerCaching(app, async () => revision, 60, cache);
  await app.register(fastifyCompress, { ...COMPRESS_PLUGIN_OPTIONS, zlib: { ...counting } });
  let runs = 0;
  const rows = Array.from({ length: 200 }, (_, i) => ({ id: `case-${i}`, summary: `Сводка ${i} `.repeat(3) }));
  app.get('/list', async () => ((runs += 1), { data: rows }));
  await app.ready();
  t.teardown(() => app.close());
  const identity = Buffer.from(JSON.stringify({ data: rows }));

  const get = (encoding?: string) =>
    app.inject({ url: '/list', headers: encoding ? { 'accept-encoding': encoding } : {} });
  const first = await get('br');
  t.equal(first.headers['content-encoding'], 'br');
  t.same(zlib.brotliDecompressSync(first.rawPayload), identity, 'the first answer decompresses to the JSON');
  t.equal(total(), 1, 'one compression for the answer computed');
  const hits = await Promise.all(Array.from({ length: 10 }, () => get('gzip, deflate, br')));
  t.equal(total(), 1, 'ten hits in the same encoding: no compression at all');
  t.equal(runs, 1);
  for (const h of hits) {
    t.equal(h.headers['content-encoding'], 'br');
    t.same(h.rawPayload, first.rawPayload, 'the stored bytes');
  }
  // The stored variant is the same content as a fresh compression with the plugin's options.
  t.same(
    zlib.brotliDecompressSync(hits[0]!.rawPayload),
    zlib.brotliDecompressSync(zlib.brotliCompressSync(identity, BROTLI_OPTIONS)),
  );
  t.same(
    Object.fromEntries(
      ['etag', 'vary', 'content-type', 'cache-control', 'dataset-revision'].map((h) => [h, hits[0]!.headers[h]]),
    ),
    Object.fromEntries(
      ['etag', 'vary', 'content-type', 'cache-control', 'dataset-revision'].map((h) => [h, first.headers[h]]),
    ),
    'a hit has the headers of the answer computed',
  );
  t.equal(first.headers.vary, 'Accept, Accept-Encoding');

  const gz = await get('gzip');
  t.equal(gz.headers['content-encoding'], 'gzip');
  t.same(zlib.gunzipSync(gz.rawPayload), identity);
  t.equal(total(), 2, 'a new encoding: one compression more');
  await Promise.all([get('gzip'), get('x-gzip'), get('*')]);
  t.equal(total(), 2, 'gzip again (and x-gzip, and *, which the plugin reads as gzip): none');
  t.equal((await get('*')).headers['content-encoding'], 'gzip');

  for (const plain of [undefined, 'identity', 'x-unknown']) {
    const res = await get(plain);
    t.equal(res.headers['content-encoding'], undefined, `${plain ?? 'no Accept-Encoding'}: not compressed`);
    t.same(res.rawPayload, identity);
  }
  t.equal(total(), 2);
  t.equal(runs, 1, 'one computation in all');
  t.ok(cache.bytes > identity.length + hits[0]!.rawPayload.length + gz.rawPayload.length, 'variants are counted');
});

t.test('a small or non-text answer is left to the compress plugin, as before', async (t) => {
  const fastifyCompress = (await import('@fastify/compress')).default;
  const { COMPRESS_PLUGIN_OPTIONS } = await import('../../src/http/compression.js');
  const app = Fastify({ logger: false });
  registerCaching(app, async () => revision, 60, responseCache(1024 * 1024));
  await app.register(fastifyCompress, COMPRESS_PLUGIN_OPTIONS);
  app.get('/small', async () => ({ ok: true }));
  await app.ready();
  t.teardown(() => app.close());
  for (let i = 0; i < 2; i++) {
    const res = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
    t.equal(res.headers['content-encoding'], undefined, 'below the threshold: sent as it is');
    t.equal(res.body, '{"ok":true}');
  }
});

t.test('an error of the caching hook itself reaches the error handler, as a thrown one would', async (t) => {
  // The revision is read asynchronously (not remembered): the hook's own failure happens after a promise, where
  // nothing would catch it (an unhandled rejection) unless the hook passes it on.
  const app = Fastify({ logger: false });
  const broken = {
    get revision(): string {
      throw new Error('a revision that cannot be read');
    },
    importedAt: revision.importedAt,
  };
  registerCaching(app, async () => broken, 60, responseCache(1024 * 1024));
  let runs = 0;
  app.get('/x', async () => ({ n: (runs += 1) }));
  app.setErrorHandler((err, _req, reply) => reply.code(500).send({ error: (err as Error).message }));
  await app.ready();
  t.teardown(() => app.close());
  const res = await app.inject('/x');
  t.strictSame([res.statusCode, res.json(), runs], [500, { error: 'a revision that cannot be read' }, 0]);
});
