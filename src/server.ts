// The service: loadConfig -> openDatabase -> migrate -> import data/ -> buildApp -> listen; closes cleanly on signals.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { importDataDir } from './data/import.js';
import { DataError } from './data/load.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    poolMax: config.dbPoolMax,
  });
  await migrateDatabase(database);
  const app = await buildApp({ config, database });
  if (config.importOnStart) {
    const result = await importDataDir(database.db, config.dataDir);
    app.log.info({ revision: result.revision, changed: result.changed, counts: result.counts }, 'dataset imported');
  }
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing: finishing requests in flight');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
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
