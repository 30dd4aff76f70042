// npm run hostile: a bounded hostile run against the real app on a loopback port — 20,000 requests (HOSTILE_N) over
// every GET operation of the OpenAPI document with random and crafted parameters and headers, some clients leaving
// right after sending, some following a request with bytes that are not HTTP, some sending bodies slowly. It fails
// (exit 1) on any 5xx other than 503, on any request without an answer in 15 s, and if afterwards any URL of the
// run no longer answers (a flight left hanging). Traffic goes to 127.0.0.1 only and the loop stops by itself.
import net from 'node:net';
import { buildApp } from '../app.js';
import { databaseOptionsOf, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { importIfChanged } from '../data/import.js';

const N = Number(process.env.HOSTILE_N ?? 20_000);
const CONCURRENCY = 48;
const TIMEOUT_MS = 15_000;

// A small deterministic PRNG (mulberry32), so that a failing run can be repeated with the same HOSTILE_SEED.
let seed = Number(process.env.HOSTILE_SEED ?? 20261201) >>> 0;
function rand(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let x = seed;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

const HOSTILE = [
  '',
  'x',
  'KG',
  'kg',
  'XX',
  '0',
  '-1',
  '99999999999999999999',
  '1e400',
  'NaN',
  'true',
  '2024-02-30',
  '0000-01-01',
  '2024-06-01',
  '9999-12-31',
  "'; drop table cases; --",
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  'Кубанычбек',
  "Qo'shtepa",
  '401¹',
  'a'.repeat(300),
  b64(['2024-13-45', 'x']),
  b64(['\u0000']),
  b64([1, 2, 3]),
  'mercenary-participation',
  'armed-conflict-participation',
  'wagner-group',
  'kg-cc-2021-art-416',
  'csv',
  'json',
  'id,country',
];
const ACCEPTS = ['*/*', 'application/json', 'text/csv', 'application/xml', 'text/*;q=0', 'garbage/,;;', ''];

interface Op {
  path: string;
  params: { name: string; in: string; enum?: string[] }[];
}

function operations(doc: { paths: Record<string, { get?: { parameters?: unknown[] } }> }): Op[] {
  return Object.entries(doc.paths)
    .filter(([, item]) => item.get)
    .map(([path, item]) => ({
      path,
      params: ((item.get!.parameters ?? []) as { name: string; in: string; schema?: { enum?: string[] } }[]).map(
        (p) => ({ name: p.name, in: p.in, ...(p.schema?.enum ? { enum: p.schema.enum } : {}) }),
      ),
    }));
}

function urlOf(op: Op): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/%2500/g, '%00');
  const path = op.path.replace(/\{([^}]+)\}/g, () => enc(pick(HOSTILE)) || 'x');
  const query = op.params
    .filter((p) => p.in === 'query' && rand() < 0.6)
    .map((p) => `${p.name}=${enc(p.enum && rand() < 0.5 ? pick(p.enum) : pick(HOSTILE))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

type Outcome = { status: number } | { hung: true } | { left: true };

/** One request on its own connection: plain, or left right after sending, or followed by bytes that are not HTTP,
 * or with a body sent slowly. */
function send(port: number, url: string, mode: 'plain' | 'leave' | 'garbage' | 'slow'): Promise<Outcome> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let data = '';
    let settled = false;
    const done = (o: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      s.destroy();
      resolve(o);
    };
    const timer = setTimeout(() => done({ hung: true }), TIMEOUT_MS);
    s.on('error', () => done(mode === 'plain' ? { status: 0 } : { left: true }));
    s.on('data', (d) => {
      data += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (m && mode !== 'garbage') done({ status: Number(m[1]) });
      else if (m && data.includes('\r\n\r\n')) done({ status: Number(m[1]) });
    });
    s.on('end', () => done(data ? { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0) } : { left: true }));
    s.on('connect', () => {
      const accept = rand() < 0.7 ? pick(['*/*', 'application/json']) : pick(ACCEPTS);
      const head = `GET ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: ${accept}\r\n`;
      if (mode === 'slow') {
        s.write(`${head}Content-Length: 64\r\n\r\n`);
        let sent = 0;
        const drip = setInterval(() => {
          if (settled || sent >= 64) return clearInterval(drip);
          s.write('x');
          sent++;
        }, 200);
        return;
      }
      s.write(`${head}\r\n`);
      if (mode === 'leave') setImmediate(() => done({ left: true }));
      if (mode === 'garbage') s.write('\x16\x03\x01 NOT HTTP \r\n\r\n');
    });
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(databaseOptionsOf(config));
  await migrateDatabase(database);
  await importIfChanged(database.writeDb, config.dataDir);
  // The production defaults (rate limit, shedding, cache), except the rate limit: one client sends everything here.
  const app = await buildApp({ config: { ...config, logLevel: 'silent', rateLimitMax: 0 }, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as net.AddressInfo;
  const ops = operations(app.swagger() as never);
  const counts = new Map<string, number>();
  const bad: string[] = [];
  const urls = new Set<string>();
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        next++;
        const url = urlOf(pick(ops));
        const r = rand();
        const mode = r < 0.05 ? 'leave' : r < 0.08 ? 'garbage' : r < 0.09 ? 'slow' : 'plain';
        if (urls.size < 2000) urls.add(url);
        const o = await send(port, url, mode);
        const key = 'hung' in o ? 'hung' : 'left' in o ? 'left' : String(o.status);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if ('hung' in o || ('status' in o && o.status >= 500 && o.status !== 503))
          if (bad.length < 20) bad.push(`${key} ${mode} ${url}`);
      }
    }),
  );
  // Afterwards every URL of the run still answers: nothing is left waiting on an abandoned flight.
  let stuck = 0;
  for (const url of [...urls].slice(0, 300)) {
    const o = await send(port, url, 'plain');
    if ('hung' in o) {
      stuck++;
      if (bad.length < 20) bad.push(`hung afterwards ${url}`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  await app.close();
  await database.close();
  const table = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${v}`);
  console.log(
    `hostile run on ${database.driver}: ${N} requests over ${ops.length} operations in ${seconds.toFixed(0)} s`,
  );
  console.log(`  outcomes: ${table.join(', ')}; URLs stuck afterwards: ${stuck}`);
  const fivexx = [...counts].filter(([k]) => /^5\d\d$/.test(k) && k !== '503').reduce((n, [, v]) => n + v, 0);
  const hung = counts.get('hung') ?? 0;
  if (fivexx + hung + stuck > 0) {
    console.error(
      `FAILED: ${fivexx} 5xx other than 503, ${hung} without an answer, ${stuck} stuck\n  ${bad.join('\n  ')}`,
    );
    process.exitCode = 1;
  } else console.log('  no 5xx other than 503, no hang');
}

await main();
