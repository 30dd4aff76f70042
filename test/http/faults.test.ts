// Database faults: readiness and requests answer 503 problem+json with Retry-After; other errors a 500 problem that
// leaks nothing. No database is needed: the app gets a stand-in whose calls fail as a lost connection would.
import t from 'tap';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/db/client.js';

function failingDatabase(error: Error): Database {
  const fail = () => {
    throw error;
  };
  const db = new Proxy({}, { get: () => fail });
  return {
    db: db as Database['db'],
    writeDb: db as Database['db'],
    driver: 'pg',
    replicated: false,
    // A request's read handle fails as connecting would.
    pinned: async () => fail(),
    statements: () => 0,
    ping: async () => fail(),
    close: async () => {},
  };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

t.test('database unreachable: /ready and data routes answer 503 with Retry-After', async (t) => {
  const app = await buildApp({ config: { logLevel: 'silent' }, database: failingDatabase(refused), logger: false });
  t.teardown(() => app.close());
  for (const url of ['/ready', '/v1/countries', '/v1/cases', '/v1/meta']) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 503, url);
    t.equal(res.headers['retry-after'], '5', url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.equal(res.json().type, '/problems/service-unavailable');
    t.notMatch(res.body, /ECONNREFUSED|5432/, 'no connection details leak');
  }
  t.equal((await app.inject('/health')).statusCode, 200, 'liveness does not depend on the database');
});

t.test('an unexpected error is a 500 problem without stack or SQL', async (t) => {
  const boom = new Error('relation "cases" does not exist at select * from cases');
  const app = await buildApp({ config: { logLevel: 'silent' }, database: failingDatabase(boom), logger: false });
  t.teardown(() => app.close());
  const res = await app.inject('/v1/cases');
  t.equal(res.statusCode, 500);
  t.equal(res.json().type, '/problems/internal-error');
  t.notMatch(res.body, /relation|select|\.ts:\d+/);
  t.match(res.json().detail, /internal error \(request /);
});
