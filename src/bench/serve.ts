// A server for the benchmark, run as its own process so the load generator does not share its event loop:
//   raw   node:http answering fixed bytes (the machine's limit)
//   bare  fastify with one route answering the same bytes
//   api   the real service (BENCH_RESPONSE_CACHE_MB=0 for the uncached run)
// Prints `listening <port>` once ready.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import Fastify from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';

const mode = process.argv[2];
const bodyFile = process.argv[3];

if (mode === 'raw' || mode === 'bare') {
  const body = await readFile(bodyFile!);
  if (mode === 'raw') {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as { port: number }).port}`));
  } else {
    const app = Fastify({ logger: false });
    app.get('/*', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
    await app.listen({ port: 0, host: '127.0.0.1' });
    console.log(`listening ${(app.server.address() as { port: number }).port}`);
  }
} else if (mode === 'api') {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${(app.server.address() as { port: number }).port}`);
} else {
  console.error('usage: serve.ts raw|bare <body file> | api');
  process.exit(2);
}
