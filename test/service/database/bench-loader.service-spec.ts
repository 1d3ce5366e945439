import { connect } from '../../../bench/data/loaders.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';

// The bench loader turns triggers off only while it knows every trigger on the tables it fills; an
// unknown one sends it back to the slow path (each tag link re-parsing its article's body, twice the
// disk). A migration that adds a trigger silently did that once (stop 24 found 10k loading in 105 s
// instead of 34), so the migrated schema is checked here.
describe('bench data loader on the migrated schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('knows every trigger on the tables it loads, so it loads with triggers off', async () => {
    const connection = await connect(db.url);
    try {
      expect(connection.reason).toBeUndefined();
      expect(connection.mode).toBe('replica');
    } finally {
      await connection.client.end();
    }
  });
});
