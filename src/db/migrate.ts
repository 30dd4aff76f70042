// Applies migrations/ with the migrator of the driver in use.
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === 'pg') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.writeDb as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.writeDb as never, { migrationsFolder });
  }
}
