// npm run bench: load on loopback with autocannon against the API on PostgreSQL, beside a bare fastify route and a raw
// node:http server answering the same bytes (this machine's limit); then list, search and statistics latency as a
// synthetic corpus grows (10 thousand to 1 million cases), with the query plans. Nothing here touches data/: the
// benchmark works in its own database (ca_law_bench), dropped at the end unless BENCH_KEEP=1.
//
// Settings (environment): DATABASE_URL or BENCH_DATABASE_URL (a server to create the bench database on; default
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_SECONDS (per endpoint, default 5), BENCH_CONNECTIONS (100),
// BENCH_SCALE (comma-separated corpus sizes, default 10000,100000,1000000; 0 to skip).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app.js';
import { openDatabase, queryRows, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { importDataDir } from '../data/import.js';

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
const scales = (process.env.BENCH_SCALE ?? '10000,100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const DB_NAME = 'ca_law_bench';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const benchUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

function startServer(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bench/serve.ts', ...args], {
    env: { ...process.env, DATABASE_URL: benchUrl, IMPORT_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`server ${args[0]} exited with ${code}`)));
  });
}

/** Resident memory of a process in MiB, from /proc (Linux). */
async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  peakMiB: number;
  non2xx: number;
}

async function load(name: string, pid: number, url: string, extra: Record<string, string> = {}): Promise<Row> {
  // The same headers for the warm-up and the load (the cache key includes Accept). One request first: a cached run
  // measures the steady state, not 100 simultaneous first computations of one answer.
  const headers = { accept: 'application/json', ...extra };
  await fetch(url, { headers }).then((r) => r.arrayBuffer());
  let peak = await rssMiB(pid);
  const timer = setInterval(() => void rssMiB(pid).then((m) => (peak = Math.max(peak, m))), 100);
  const result = await autocannon({ url, connections, duration: seconds, headers });
  clearInterval(timer);
  peak = Math.max(peak, await rssMiB(pid));
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    peakMiB: peak,
    non2xx: result.non2xx,
  };
}

function table(rows: Row[], raw: number): string {
  const head = ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MiB', 'vs raw', 'non-2xx'];
  const lines = rows.map((r) => [
    r.name,
    r.rps.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.peakMiB.toFixed(0),
    (r.rps / raw).toFixed(2),
    String(r.non2xx),
  ]);
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((l) => l[i]!.length)));
  const fmt = (l: string[]) =>
    `| ${l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    fmt(head),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(fmt),
  ].join('\n');
}

const CONSEQUENCES = '/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01';
const CASES = '/v1/cases?country=UZ&outcome=convicted&limit=50';
const SEARCH = '/v1/search?q=mercenary&limit=20';
const COMPARE = '/v1/compare?conduct=armed-conflict-participation&date=2024-06-01';

async function httpLoad(): Promise<void> {
  const api = await startServer(['api']);
  const uncached = await startServer(['api'], { RESPONSE_CACHE_MB: '0' });
  const res = await fetch(api.base + CONSEQUENCES);
  const body = Buffer.from(await res.arrayBuffer());
  const etag = res.headers.get('etag')!;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ca-law-bench-'));
  const bodyFile = path.join(dir, 'consequences.json');
  await writeFile(bodyFile, body);
  const raw = await startServer(['raw', bodyFile]);
  const bare = await startServer(['bare', bodyFile]);
  const servers = [api, uncached, raw, bare];
  try {
    const rows: Row[] = [];
    rows.push(await load('raw node:http (same bytes)', raw.child.pid!, raw.base + CONSEQUENCES));
    rows.push(await load('bare fastify route (same bytes)', bare.child.pid!, bare.base + CONSEQUENCES));
    rows.push(await load('consequences, cached', api.child.pid!, api.base + CONSEQUENCES));
    rows.push(
      await load('consequences, conditional (304)', api.child.pid!, api.base + CONSEQUENCES, { 'if-none-match': etag }),
    );
    rows.push(await load('case list (filtered), cached', api.child.pid!, api.base + CASES));
    rows.push(await load('search, cached', api.child.pid!, api.base + SEARCH));
    rows.push(await load('compare, cached', api.child.pid!, api.base + COMPARE));
    rows.push(await load('consequences, uncached', uncached.child.pid!, uncached.base + CONSEQUENCES));
    rows.push(await load('case list (filtered), uncached', uncached.child.pid!, uncached.base + CASES));
    rows.push(await load('search, uncached', uncached.child.pid!, uncached.base + SEARCH));
    rows.push(await load('compare, uncached', uncached.child.pid!, uncached.base + COMPARE));
    console.log(
      `\n## Load: ${connections} connections, ${seconds} s each, PostgreSQL (${body.length} bytes per consequences answer)\n`,
    );
    console.log(table(rows, rows[0]!.rps));
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
  }
}

// Synthetic defendant names in several spellings of one family of names, so that folded search and the defendant
// filter have real work: "Kholmatov" / "Xolmatov" / "Холматов" fold to one form.
const NAMES = `array['Kholmatov','Xolmatov','Холматов','Vokhidov','Vohidov','Вохидов','Kubanychbek uulu','Qo''shtepa']`;

/** Grows the synthetic corpus to `n` cases (ids syn-1..syn-n, marked SYNTHETIC), with charges and search documents. */
async function growTo(database: Database, from: number, n: number): Promise<void> {
  const batch = 50_000;
  for (let a = from + 1; a <= n; a += batch) {
    const b = Math.min(n, a + batch - 1);
    await database.db.execute(sql`
      insert into cases (id, country_code, court_name, court_level, court_place, decided, decided_date, decided_precision,
        date_kind, defendant_name, citizenships, conducts, side, outcome, disputes, summary, basis, defendant_folded,
        court_folded)
      select 'syn-' || g, c.cc, 'Synthetic court', 'first-instance', null, to_char(d, 'YYYY-MM-DD'), d, 'day', 'decision',
        c.name, array[c.cc], array[(array['armed-conflict-participation','mercenary-participation','recruitment'])[1 + g % 3]],
        'russia', (array['convicted','convicted','convicted','charged','acquitted'])[1 + g % 5], '[]'::jsonb,
        'SYNTHETIC benchmark record ' || g || ' tok' || (g % 1000), 'reported', c.folded, 'synthetic court'
      from generate_series(${a}::int, ${b}::int) g,
        lateral (select (array['KZ','KG','TJ','TM','UZ'])[1 + g % 5] as cc, date '2014-01-01' + ((g::bigint * 7919) % 4300)::int as d,
          (${sql.raw(NAMES)})[1 + g % 8] || ' ' || (g % 1000) as name,
          (array['halmatav','halmatav','halmatav','vahidav','vahidav','vahidav','kubanichbek ulu','kashtepa'])[1 + g % 8] || ' ' || (g % 1000) as folded) c`);
    await database.db.execute(sql`
      insert into case_charges (id, case_id, provision_id, part, ord)
      select 'syn-' || g || '#' || p.id || '#*', 'syn-' || g, p.id, null, 0
      from generate_series(${a}::int, ${b}::int) g
      join lateral (select id from provisions where country_code = (array['KZ','KG','TJ','TM','UZ'])[1 + g % 5]
        order by id limit 1) p on true`);
    await database.db.execute(sql`
      insert into search_documents (doc_type, doc_id, country_code, countries, title, body, extra, folded)
      select 'case', 'syn-' || g, c.cc, array[c.cc], c.name, 'SYNTHETIC benchmark record ' || g || ' tok' || (g % 1000), '',
        'syn ' || g || ' ' || c.folded || ' synthetic benchmark recard ' || g || ' tak' || (g % 1000)
      from generate_series(${a}::int, ${b}::int) g,
        lateral (select (array['KZ','KG','TJ','TM','UZ'])[1 + g % 5] as cc,
          (${sql.raw(NAMES)})[1 + g % 8] || ' ' || (g % 1000) as name,
          (array['halmatav','halmatav','halmatav','vahidav','vahidav','vahidav','kubanichbek ulu','kashtepa'])[1 + g % 8] as folded) c`);
  }
  // The vocabulary the synthetic documents add (as the importer builds it for data/).
  await database.db.execute(sql`
    insert into search_terms (term)
    select unnest(array['halmatav','vahidav','kubanichbek','ulu','kashtepa','syn','synthetic','benchmark','recard'])
    union select 'tak' || g from generate_series(0, 999) g
    on conflict do nothing`);
  await database.db.execute(sql`analyze`);
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function scale(database: Database): Promise<void> {
  const app = await buildApp({
    config: { logLevel: 'silent', rateLimitMax: 0, maxEventLoopDelayMs: 0, responseCacheMb: 0 },
    database,
    logger: false,
  });
  const probes: [string, (i: number) => string, string][] = [
    [
      'list: country + date range, newest first',
      (i) => `/v1/cases?country=${['KZ', 'KG', 'TJ', 'TM', 'UZ'][i % 5]}&decidedFrom=20${15 + (i % 10)}&limit=50`,
      `select id from cases where country_code = 'KZ' and decided_date >= '2020-01-01' order by decided_date desc, id desc limit 51`,
    ],
    [
      'search: a selective term',
      (i) => `/v1/search?q=tok${i % 1000}&limit=20`,
      `select doc_id, ts_rank(tsv, q) from search_documents, (select plainto_tsquery('english', 'tok7') || plainto_tsquery('russian', 'tok7') || plainto_tsquery('simple', 'tok7') as q, (select to_tsquery('simple', string_agg(term, ' | ')) from (select term from search_terms where term = 'tak7' or term like 'tak7%' or term % 'tak7' limit 30) t) as n) w where tsv @@ q or folded_tsv @@ n order by 2 desc limit 21`,
    ],
    [
      'search: a name in another script, with a typo, and a rare term',
      (i) =>
        `/v1/search?q=${encodeURIComponent(['Холматов', 'Xolmatof', 'Vohidov'][i % 3]!)}%20tok${i % 1000}&limit=20`,
      `select doc_id from search_documents, (select (select to_tsquery('simple', string_agg(term, ' | ')) from (select term from search_terms where term % 'halmatof' limit 30) t) as n) w where tsv @@ plainto_tsquery('simple', 'tok7') or folded_tsv @@ n limit 21`,
    ],
    [
      'list: defendant in any spelling',
      (i) =>
        `/v1/cases?defendant=${encodeURIComponent(['Холматов', 'Kholmatov', 'Xolmatov'][i % 3]!)}%20${i % 1000}&limit=50`,
      `select id from cases where 'halmatav' <% defendant_folded order by decided_date desc, id desc limit 51`,
    ],
    [
      'stats: one country, one year, by outcome',
      (i) =>
        `/v1/stats/cases?country=${['KZ', 'KG', 'TJ', 'TM', 'UZ'][i % 5]}&decidedFrom=20${15 + (i % 10)}&decidedTo=20${15 + (i % 10)}&groupBy=outcome`,
      `select outcome, count(*) from cases where country_code = 'KZ' and decided_date between '2020-01-01' and '2020-12-31' group by outcome`,
    ],
  ];
  let size = 0;
  console.log('\n## Scale: latency per request (sequential, no response cache), PostgreSQL\n');
  console.log('| cases | query | p50 ms | p99 ms | rows matched (sample) | plan |');
  console.log('|---:|---|---:|---:|---:|---|');
  const plans: string[] = [];
  for (const n of scales) {
    const started = Date.now();
    await growTo(database, size, n);
    size = n;
    console.error(`corpus grown to ${n} synthetic cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const [name, url, explain] of probes) {
      const times: number[] = [];
      let matched = 0;
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        const res = await app.inject(url(i));
        times.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${url(i)}: ${res.statusCode} ${res.body}`);
        if (i === 0) matched = (res.json().data as unknown[]).length;
      }
      const plan = await queryRows<{ 'QUERY PLAN': string }>(
        database.db,
        sql.raw(`explain (analyze, costs off, timing off, summary off) ${explain}`),
      );
      const nodes = plan.map((p) => p['QUERY PLAN']);
      const kinds = nodes
        .map(
          (l) =>
            /(Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan|Seq Scan)( using \S+)?( on \S+)?/.exec(
              l,
            )?.[0],
        )
        .filter(Boolean);
      console.log(
        `| ${n} | ${name} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.99).toFixed(1)} | ${matched} | ${kinds.join('; ')} |`,
      );
      plans.push(`-- ${n} cases, ${name}\n${explain}\n${nodes.join('\n')}`);
    }
  }
  console.log('\n### EXPLAIN ANALYZE of the equivalent SQL\n');
  console.log('```\n' + plans.join('\n\n') + '\n```');
  await app.close();
}

async function main(): Promise<void> {
  console.log(
    `# npm run bench: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  await admin(async (c) => {
    await c.query(`drop database if exists ${DB_NAME} with (force)`);
    await c.query(`create database ${DB_NAME}`);
    const v = await c.query('show server_version');
    console.log(`PostgreSQL ${v.rows[0].server_version}`);
  });
  const database = await openDatabase({ databaseUrl: benchUrl, poolMax: 4 });
  try {
    await migrateDatabase(database);
    await importDataDir(database.db, 'data');
    await httpLoad();
    if (scales.length > 0) await scale(database);
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1') await admin((c) => c.query(`drop database if exists ${DB_NAME} with (force)`));
  }
}

await main();
