import pg from 'pg';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { onPostgres } from '../../utils/on-postgres.js';

// A request in flight when the process is told to stop still gets its answer. The request is held
// in flight by a table lock from a second connection, which the embedded server (one session) cannot
// offer, so this runs against a PostgreSQL server only.
const onServer = onPostgres(it, 'graceful shutdown under load');

describe('graceful shutdown', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await new ContentFactory(t.prisma).section({ slug: 'held', name: 'Held' });
  });
  afterAll(() => t.database.drop());

  onServer('finishes in-flight requests before closing', async () => {
    const locker = new pg.Client({ connectionString: t.database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE sections IN ACCESS EXCLUSIVE MODE');

    const inFlight = t.graphql.post('{ sections { slug } }');
    await new Promise((resolve) => setTimeout(resolve, 200));
    let closed = false;
    const closing = t.app.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false); // still waiting for the request

    await locker.query('COMMIT');
    await locker.end();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ sections: [{ slug: 'held' }] });
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${t.baseUrl}/health`)).rejects.toThrow();
  });
});
