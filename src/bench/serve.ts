// A server for the benchmark, run as its own process so the load generator does not share its event loop:
//   raw    node:http answering, for each URL, the bytes the API answered, headers included (the machine's limit)
//   bare   fastify with one route answering the same bytes
//   pg     fastify with one route running one SQL statement (flat case rows, as a generic REST layer over the same
//          schema would): the floor of one database round trip
//   api    the real service (BENCH_RESPONSE_CACHE_MB=0 for the uncached run)
// Prints `listening <port>` once ready. The pg and api servers answer GET /_bench/statements with the SQL statements
// sent since they started (only here, in bench mode), so the bench reads statements per request from the app.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';

const mode = process.argv[2];
const bodyFile = process.argv[3];

if (mode === 'raw' || mode === 'bare') {
  // The answers by URL (a JSON file of { url: { headers, body } }): each URL answers the bytes the API answered for
  // it, its headers included, so that the load generator parses the same response from every server.
  type Answer = { headers: Record<string, string>; body: string };
  const answers = new Map(
    Object.entries(JSON.parse(await readFile(bodyFile!, 'utf8')) as Record<string, Answer>).map(([u, a]) => {
      const body = Buffer.from(a.body);
      return [u, { body, headers: { ...a.headers, 'content-length': String(body.length) } }];
    }),
  );
  const first = [...answers.values()][0]!;
  if (mode === 'raw') {
    const server = http.createServer((req, res) => {
      const a = answers.get(req.url ?? '') ?? first;
      res.writeHead(200, a.headers);
      res.end(a.body);
    });
    server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as { port: number }).port}`));
  } else {
    const app = Fastify({ logger: false });
    app.get('/*', async (req, reply) => {
      const a = answers.get(req.url) ?? first;
      return reply.headers(a.headers).send(a.body);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    console.log(`listening ${(app.server.address() as { port: number }).port}`);
  }
} else if (mode === 'pg') {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.dbPoolMax });
  let sent = 0;
  const app = Fastify({ logger: false });
  // The filtered case list as one statement: the same filter, order and page size, flat rows of the cases table.
  app.get('/v1/cases', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    sent += 1;
    const { rows } = await pool.query(
      `select * from cases where ($1::text is null or country_code = $1) and ($2::text is null or outcome = $2)
       order by decided_date desc nulls last, id desc limit $3`,
      [q.country ?? null, q.outcome ?? null, Math.min(100, Number(q.limit ?? 50))],
    );
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ data: rows }));
  });
  app.get('/_bench/statements', async () => ({ statements: sent }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${(app.server.address() as { port: number }).port}`);
} else if (mode === 'api') {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    readUrl: config.databaseReadUrl,
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
  const app = await buildApp({ config, database, logger: false });
  app.get('/_bench/statements', { config: { cache: false } }, async () => ({ statements: database.statements() }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${(app.server.address() as { port: number }).port}`);
} else {
  console.error('usage: serve.ts raw|bare <answers.json> | pg | api');
  process.exit(2);
}

// A clean exit on SIGTERM (what the bench sends), so that `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
