// npm run db:migrate: applies migrations/ to DATABASE_URL (or PGLITE_DIR).
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
  await migrateDatabase(database);
  console.log(`migrated (${database.driver})`);
} finally {
  await database.close();
}
