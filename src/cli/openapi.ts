// npm run openapi: writes openapi.yaml from the route schemas (no database is opened: the app only needs one to serve).
import { writeFile } from 'node:fs/promises';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { openApiYaml } from '../http/openapi.js';

/** The document the code generates now; the drift test compares it with the committed file. */
export async function generateOpenApi(): Promise<string> {
  const refuse = () => {
    throw new Error('the OpenAPI generator does not query the database');
  };
  const unused = { driver: 'pglite', ping: refuse, close: async () => {} } as unknown as Database;
  const app = await buildApp({ config: { logLevel: 'silent' }, database: unused, logger: false });
  await app.ready();
  const yaml = openApiYaml(app);
  await app.close();
  return yaml;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile('openapi.yaml', await generateOpenApi());
  console.log('wrote openapi.yaml');
}
