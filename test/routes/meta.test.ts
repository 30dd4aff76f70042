import t from 'tap';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);

t.test('health', async (t) => {
  const res = await app.inject('/health');
  t.equal(res.statusCode, 200);
  t.same(res.json(), { status: 'ok' });
});
