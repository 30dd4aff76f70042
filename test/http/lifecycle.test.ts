// The process: SIGTERM stops accepting, finishes the requests in flight, closes the pool and exits 0. And the event
// loop: when it is blocked past the limit, data requests are shed with 503 while probes still answer.
import { spawn, type ChildProcessByStdio, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Readable } from 'node:stream';
import http from 'node:http';
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/client.js';
import { buildTestApp, childEnv, copiedDatabaseUrl, pgliteDump } from '../helper.js';

/**
 * A PGLITE_DIR holding data/ already, for a spawned server: seeded from the cached dump (test/helper.ts). The server's
 * start-up import then finds the revision unchanged, as on a restart, instead of importing data/ (which cost most of
 * this file's time); what is tested here comes after the start.
 */
async function loadedPgliteDir(t: { teardown(fn: () => unknown): void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ca-law-lifecycle-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await (await openDatabase({ pgliteDir: dir, pgliteLoad: await pgliteDump('loaded') })).close();
  return dir;
}

/** A GET on its own connection (no keep-alive); a connection error is an answer too (status 0 and its code). */
function get(url: string): Promise<{ status: number; body: string; error?: string; complete: boolean }> {
  return new Promise((resolve) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, complete: res.complete }));
        res.on('error', (e: NodeJS.ErrnoException) =>
          resolve({ status: res.statusCode ?? 0, body, error: e.code, complete: false }),
        );
      })
      .on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, body: '', error: e.code, complete: false }));
  });
}

/** A GET through `agent` (a kept connection): status, Connection header and body. */
function getOn(agent: http.Agent, url: string): Promise<{ status: number; connection?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      })
      .on('error', reject);
  });
}

/** The URL a spawned server logs once it listens; rejects after two minutes, with what it printed. */
function listeningUrl(child: ChildProcessWithoutNullStreams | ChildProcessByStdio<null, Readable, Readable>): {
  base: Promise<string>;
  log: () => string;
} {
  let log = '';
  const base = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 120_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return { base, log: () => log };
}

t.test('SIGTERM: requests already sent finish, new connections are refused, exit code 0', async (t) => {
  // Event-loop shedding is off here: PGlite answers on the event loop, so on a slow machine the queued comparisons
  // alone can trip it and turn drained requests into 503s. Shedding has its own test below; this one is about draining.
  const env: Record<string, string> = {
    ...childEnv(),
    PORT: '0',
    LOG_LEVEL: 'info',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    // On PostgreSQL too the start-up import runs (and finds the database up to date).
    IMPORT_ON_START: 'true',
  };
  delete env.DATABASE_URL;
  // On PostgreSQL, a copy of the template database holding data/ (test/helper.ts).
  if (process.env.DATABASE_URL) env.DATABASE_URL = await copiedDatabaseUrl(t, process.env.DATABASE_URL, 'loaded');
  else env.PGLITE_DIR = await loadedPgliteDir(t);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => child.kill('SIGKILL'));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = listeningUrl(child);
  const base = await started.base;

  // A keep-alive connection opened before the signal, whose second answer comes from the response cache (written
  // without the onSend hooks): asked again once the server is closing, it is still answered, and told to close.
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
  t.teardown(() => keepAlive.destroy());
  const onKept = () => getOn(keepAlive, `${base}/v1/countries/KG`);
  const first = await onKept();
  const cached = await onKept();
  t.same(
    [first.status, first.connection, cached.status, cached.connection, cached.body === first.body],
    [200, 'keep-alive', 200, 'keep-alive', true],
    'before the signal: answers on one kept connection',
  );

  // Comparisons on different dates: each one runs its own queries (no response cache hit). PGlite answers them one
  // at a time, so while the first are answered the others wait, received or not yet read.
  const n = 40;
  let done = 0;
  const inFlight = Array.from({ length: n }, (_, i) =>
    get(
      `${base}/v1/compare?conduct=mercenary-participation&date=2023-01-${String((i % 28) + 1).padStart(2, '0')}&format=${i < 28 ? 'json' : 'csv'}`,
    ).then((r) => {
      done += 1;
      return r;
    }),
  );
  // Signal once the first answer is back: the rest are running, queued, or sent but not yet read.
  await Promise.race(inFlight);
  const doneAtSignal = done;
  child.kill('SIGTERM');
  // The listener is closed before the server logs that it is closing.
  for (let i = 0; i < 2000 && !/closing: finishing requests in flight/.test(started.log()); i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const late = await get(`${base}/health`);
  const kept = await onKept();
  t.same(
    [kept.status, kept.connection, kept.body === cached.body],
    [200, 'close', true],
    'a cached answer on a kept connection while closing: served, with Connection: close',
  );

  const answers = await Promise.all(inFlight);
  const code = await exited;
  t.ok(doneAtSignal < n, `requests in flight at the signal: ${n - doneAtSignal} of ${n}`);
  // Every connection the server had accepted when the signal came is answered in full. Connections still in the
  // kernel's accept queue were never seen by the server: closing the listener resets them before any byte of an
  // answer, which a client can safely retry.
  const accepted = Number(/"connections":(\d+),"msg":"closing/.exec(started.log())?.[1] ?? -1);
  const served = answers.filter((a) => a.status === 200);
  t.not(accepted, -1, 'the server logged how many connections it held at the signal');
  t.ok(served.length >= accepted, `answered: ${served.length}; accepted at the signal: ${accepted}`);
  t.ok(
    served.every((a) => a.complete && a.body.length > 100),
    'every answer in full, none cut short',
  );
  for (const a of answers.filter((x) => x.status !== 200)) {
    t.ok(
      a.status === 0 && a.body === '' && a.error === 'ECONNRESET',
      `never accepted: reset before any answer (${a.status} ${a.error ?? ''} ${a.body.slice(0, 120)})`,
    );
  }
  t.ok(
    late.status === 0 && late.error === 'ECONNREFUSED',
    `a new connection after the signal is not served (${late.error})`,
  );
  t.equal(code, 0, 'exit code 0');
  t.match(started.log(), /closing: finishing requests in flight/);
});

t.test('a blocked event loop: data requests are shed with 503, probes answer, service resumes', async (t) => {
  const app = await buildTestApp(t, 'data', { maxEventLoopDelayMs: 100 });
  t.equal((await app.inject('/v1/countries')).statusCode, 200);
  const until = Date.now() + 1500;
  while (Date.now() < until) {
    // Block the event loop as a runaway synchronous computation would.
  }
  // Let the overdue sampling timer run; it sees the blocked interval.
  await new Promise((r) => setTimeout(r, 20));
  const shed = await app.inject('/v1/countries');
  t.equal(shed.statusCode, 503);
  t.equal(shed.json().detail, 'the service is overloaded');
  t.equal(shed.headers['retry-after'], '1');
  t.equal((await app.inject('/health')).statusCode, 200, 'liveness still answers');
  let status = 503;
  for (let i = 0; i < 40 && status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = (await app.inject('/v1/countries')).statusCode;
  }
  t.equal(status, 200, 'served again once the loop is free');
});

t.test('npm start: a supervisor that signals npm stops the server too (no orphan left serving)', async (t) => {
  const env: Record<string, string> = {
    ...childEnv(),
    PORT: '0',
    LOG_LEVEL: 'info',
    MAX_EVENT_LOOP_DELAY_MS: '0',
  };
  delete env.DATABASE_URL;
  env.PGLITE_DIR = await loadedPgliteDir(t);
  const npm = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => npm.kill('SIGKILL'));
  const started = listeningUrl(npm);
  const base = await started.base;
  t.equal((await get(`${base}/health`)).status, 200, 'serving under npm start');
  const pid = Number(/"pid":(\d+)/.exec(started.log())?.[1]);
  t.ok(pid > 0 && pid !== npm.pid, 'the server is a process of its own, under npm');
  npm.kill('SIGTERM');
  let alive = true;
  for (let i = 0; i < 100 && alive; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
  }
  t.equal(alive, false, 'the server process exited after npm was signalled');
  t.equal((await get(`${base}/health`)).status, 0, 'and no longer serves');
});
