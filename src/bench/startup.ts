// npm run bench:startup: how long `npm start` takes to answer /v1/meta, and its resident memory after start, at its
// peak during start and under load. Runs the server as `npm start` does (node --import tsx src/server.ts) so the
// sampled pid is the server itself. With BENCH_PGLITE_DIR (default: a new temporary folder) it starts twice on the
// same folder: the first start imports, the second must not. BENCH_MEMORY=1 adds the embedded in-memory default.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export interface StartRun {
  label: string;
  readyMs: number;
  afterStartMiB: number;
  peakStartMiB: number;
  peakLoadMiB?: number;
  /** Answers under load, and how many were not 2xx. */
  loadAnswers?: string;
  imported?: boolean;
  log: string;
}

/** Starts the server with `env`, waits for a 200 on /v1/meta, samples RSS every 20 ms, optionally loads it. */
export async function startOnce(label: string, env: Record<string, string>, loadSeconds = 0): Promise<StartRun> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const t0 = performance.now();
  // The embedded PGlite, whatever database the bench itself was given: without this, a DATABASE_URL in the bench's
  // environment made the server start on PostgreSQL (without its data there: 503 until the bench gave up).
  const { DATABASE_URL: _url, DATABASE_READ_URL: _readUrl, IMPORT_ON_START: _import, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...inherited, PORT: String(port), LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  let peak = 0;
  const timer = setInterval(() => void rssMiB(child.pid!).then((m) => (peak = Math.max(peak, m))), 20);
  const base = `http://127.0.0.1:${port}`;
  let readyMs = 0;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
      if (performance.now() - t0 > 120_000) throw new Error(`not ready after 120 s:\n${log}`);
      const ok = await fetch(`${base}/v1/meta`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) {
        readyMs = performance.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const peakStartMiB = Math.max(peak, await rssMiB(child.pid!));
    // Settled: after a moment with nothing to do (the GC has run its course for the start).
    await new Promise((r) => setTimeout(r, 1000));
    const afterStartMiB = await rssMiB(child.pid!);
    let peakLoadMiB: number | undefined;
    let loadAnswers: string | undefined;
    if (loadSeconds > 0) {
      peak = 0;
      // Distinct URLs (dates, page sizes), so the response cache fills and the queries run.
      const date = (i: number) => `20${15 + (i % 10)}-0${1 + (i % 9)}-01`;
      const urls = [
        (i: number) => `/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=${date(i)}`,
        (i: number) => `/v1/compare?conduct=armed-conflict-participation&date=${date(i)}`,
        (i: number) => `/v1/cases?country=UZ&limit=${1 + (i % 50)}`,
        (i: number) => `/v1/search?q=mercenary&limit=${1 + (i % 20)}`,
      ];
      let i = 0;
      const result = await autocannon({
        url: base,
        connections: 20,
        duration: loadSeconds,
        requests: [{ setupRequest: (r) => ({ ...r, path: urls[i % urls.length]!(Math.floor(i++ / urls.length)) }) }],
      });
      loadAnswers = `${result.requests.total} (${result.non2xx} not 2xx)`;
      peakLoadMiB = Math.max(peak, await rssMiB(child.pid!));
    }
    return {
      label,
      readyMs,
      afterStartMiB,
      peakStartMiB,
      peakLoadMiB,
      loadAnswers,
      imported: /"msg":"dataset imported"/.test(log) ? true : /not imported again/.test(log) ? false : undefined,
      log,
    };
  } finally {
    clearInterval(timer);
    // A child that already exited (it failed to start) emits no second 'exit'.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

const fmt = (r: StartRun) =>
  `| ${r.label} | ${r.readyMs.toFixed(0)} | ${r.imported === undefined ? '-' : r.imported ? 'yes' : 'no'} | ${r.afterStartMiB.toFixed(0)} | ${r.peakStartMiB.toFixed(0)} | ${r.peakLoadMiB?.toFixed(0) ?? '-'} | ${r.loadAnswers ?? '-'} |`;

export async function startupTable(loadSeconds: number): Promise<string[]> {
  const dir = process.env.BENCH_PGLITE_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'ca-law-pglite-')));
  const rows: string[] = [];
  // A start that fails is a row saying so, not the end of the bench.
  const run = async (label: string, env: Record<string, string>, seconds = 0) => {
    try {
      rows.push(fmt(await startOnce(label, env, seconds)));
    } catch (err) {
      rows.push(`| ${label} | failed: ${String((err as Error).message).split('\n')[0]} | | | | | |`);
      console.error(err);
    }
  };
  try {
    await run('PGLITE_DIR, first start', { PGLITE_DIR: dir });
    await run('PGLITE_DIR, second start (data unchanged)', { PGLITE_DIR: dir });
    await run('embedded default (in memory)', {}, loadSeconds);
  } finally {
    if (!process.env.BENCH_PGLITE_DIR) await rm(dir, { recursive: true, force: true });
  }
  return [
    '| start | ready ms (spawn to first 200 on /v1/meta) | imported | RSS after start MiB | peak RSS during start MiB | peak RSS under load MiB | answers under load |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...rows,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await startupTable(Number(process.env.BENCH_SECONDS ?? 5))).join('\n'));
}
