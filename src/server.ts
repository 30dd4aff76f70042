// The service: loadConfig -> openDatabase -> migrate -> import data/ -> buildApp -> listen; closes cleanly on signals.
import net from 'node:net';
import { buildApp } from './app.js';
import { ConfigError, databaseOptionsOf, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { derivedState, importIfChanged } from './data/import.js';
import { DataError } from './data/load.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(databaseOptionsOf(config));
  await migrateDatabase(database);
  // Import before the app exists: the import blocks the event loop (PGlite runs in-process), and the overload
  // detector, which starts with the app, must not count that as load and shed the first requests.
  // An unchanged dataset (the same files as the last import) is not imported again: a restart is ready at once.
  const result = config.importOnStart ? await importIfChanged(database.writeDb, config.dataDir) : undefined;
  const app = await buildApp({ config, database });
  if (result) {
    app.log.info(
      { revision: result.revision, changed: result.changed, counts: result.counts },
      result.imported
        ? 'dataset imported'
        : result.derived
          ? 'dataset unchanged: not imported again; derived tables rewritten for this code'
          : 'dataset unchanged: not imported again',
    );
  }
  // Without the import at start (PostgreSQL: the import is a release job), derived tables written by other code (a
  // migration added one empty, or the code builds one differently) are reported, not rewritten by every instance.
  if (!result && (await derivedState(database.db).catch(() => 'current')) === 'stale') {
    app.log.warn('derived tables were written by another version of the code: run npm run data:import');
  }
  let closing = false;
  // While closing, every answer closes its connection, so clients reconnect to another instance: set as a request
  // arrives (a stored answer is written with the headers set by then, without the onSend hooks) and again as an answer
  // computed meanwhile is sent.
  app.addHook('onRequest', (_req, reply, done) => {
    if (closing) reply.header('connection', 'close');
    done();
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Stop accepting connections, but serve every request already sent on an open one (each answer then closes its
    // connection): http.Server#close would reset connections whose request the busy event loop has not read yet.
    net.Server.prototype.close.call(app.server);
    const open = () => new Promise<number>((r) => app.server.getConnections((_e, n) => r(n ?? 0)));
    const connections = await open();
    app.log.info({ signal, inFlight: app.requestsInFlight(), connections }, 'closing: finishing requests in flight');
    const deadline = Date.now() + config.shutdownTimeoutMs;
    // Connections with no request are closed only once nothing has been in flight for a while: by then the event
    // loop has read whatever was sent on them, and what is left are idle keep-alive connections.
    let quietSince = Date.now();
    while (Date.now() < deadline && ((await open()) > 0 || app.requestsInFlight() > 0)) {
      if (app.requestsInFlight() > 0) quietSince = Date.now();
      else if (Date.now() - quietSince > 250) app.server.closeIdleConnections();
      await new Promise((r) => setTimeout(r, 25));
    }
    app.server.closeAllConnections();
    await app.close().catch(() => {});
    await database.close();
    app.log.info({ inFlight: app.requestsInFlight() }, 'closed');
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
  // Started by `npm start`, the server is npm's child, and npm does not pass a supervisor's SIGTERM on: npm exits and
  // the server would go on serving, orphaned. It notices that its parent is gone and closes as on SIGTERM.
  // (A supervisor should rather run `node dist/server.js` or `node --import tsx src/server.ts` itself.)
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && void close('parent exited'), 500).unref();
  }
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`database: ${database.driver}; API documentation at /docs`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
