// npm run data:import: migrates, then imports DATA_DIR into DATABASE_URL (or PGLITE_DIR) in one transaction.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { importDataDir } from '../data/import.js';
import { DataError } from '../data/load.js';

const config = loadConfig();
if (!config.databaseUrl && !config.pgliteDir) {
  console.error('set DATABASE_URL or PGLITE_DIR: an import into an in-memory database would be lost at exit');
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
  await migrateDatabase(database);
  const r = await importDataDir(database.writeDb, config.dataDir);
  console.log(`imported revision ${r.revision}${r.changed ? '' : ' (unchanged)'}: ${JSON.stringify(r.counts)}`);
} catch (err) {
  if (!(err instanceof DataError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
