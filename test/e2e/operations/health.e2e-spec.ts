import { createTestDatabase } from '../../utils/test-database.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

describe('health endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, await createTestDatabase());
  });
  afterAll(() => t.app.close());

  it('reports alive and ready while the database answers', async () => {
    const alive = await fetch(`${t.baseUrl}/health`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('stays alive but reports not ready once the database is gone', async () => {
    await t.database.drop();
    const ready = await fetch(`${t.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });
});
