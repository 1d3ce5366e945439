import { readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  applyMigrations,
  defaultMigrationsDir,
  diffSchemaAgainstMigrations,
  isEmptyMigration,
} from '../../../src/database/migrator.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/database/embedded-postgres.js';
import { withDatabase } from '../../utils/test-database.js';
import { onPostgres } from '../../utils/on-postgres.js';

// Migrates a blank database: a throwaway one on the server named by TEST_DATABASE_URL, else a blank
// embedded PGlite. The drift check needs a shadow database next to it, so it runs on a server only.
const adminUrl = process.env.TEST_DATABASE_URL;
const database = `migrator_probe_${randomBytes(6).toString('hex')}`;
const onServer = onPostgres(it, 'migrator drift check against a shadow database');

let url: string;
let admin: pg.Client | undefined;
let embedded: EmbeddedPostgres | undefined;
let db: pg.Client;

beforeAll(async () => {
  if (adminUrl) {
    admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    url = withDatabase(adminUrl, database);
  } else {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
  }
}, 30_000);

afterAll(async () => {
  await db?.end();
  await embedded?.stop();
  await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin?.end();
}, 30_000);

// Connect for SQL checks only after migrating: the embedded server is one session.
async function sqlClient(): Promise<pg.Client> {
  if (!db) {
    db = new pg.Client(url);
    await db.connect();
  }
  return db;
}

describe('migrator', () => {
  it('applies the migrations once and records them in _prisma_migrations', async () => {
    const folders = readdirSync(defaultMigrationsDir(), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders[0]).toBe('20261128000000_init');
    expect(await applyMigrations(url)).toEqual(folders);
    expect(await applyMigrations(url)).toEqual([]);

    const { rows } = await (
      await sqlClient()
    ).query(`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
  }, 30_000);

  onServer(
    'has no drift between the migrations and schema.prisma, and drops its shadow database',
    async () => {
      const script = await diffSchemaAgainstMigrations(url);
      expect(isEmptyMigration(script)).toBe(true);

      const { rows } = await admin!.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${database}_shadow_%`]);
      expect(rows).toEqual([]);
    },
    30_000,
  );

  it('maintains articles.search_vector from the article and its tags', async () => {
    const db = await sqlClient();
    const matches = async (words: string) =>
      (
        await db.query(`SELECT search_vector @@ plainto_tsquery('english', $1) AS hit FROM articles WHERE slug = 'eruption'`, [
          words,
        ])
      ).rows[0].hit;

    const tag = await db.query(
      `INSERT INTO tags (id, slug, name, updated_at) VALUES (gen_random_uuid(), 'volcanoes', 'Volcanoes', now()) RETURNING id`,
    );
    const article = await db.query(
      `INSERT INTO articles (id, slug, headline, dek, body_text, updated_at)
       VALUES (gen_random_uuid(), 'eruption', 'Eruption closes airports', 'Flights grounded', 'Ash drifts over Europe.', now())
       RETURNING id`,
    );
    expect(await matches('airports grounded ash')).toBe(true);
    expect(await matches('volcano')).toBe(false);

    await db.query(`INSERT INTO article_tags (article_id, tag_id, position, updated_at) VALUES ($1, $2, 0, now())`, [
      article.rows[0].id,
      tag.rows[0].id,
    ]);
    expect(await matches('volcano')).toBe(true);

    await db.query(`UPDATE tags SET name = 'Geysers' WHERE id = $1`, [tag.rows[0].id]);
    expect(await matches('geyser')).toBe(true);
    expect(await matches('volcano')).toBe(false);

    await db.query(`DELETE FROM article_tags WHERE article_id = $1`, [article.rows[0].id]);
    expect(await matches('geyser')).toBe(false);
  }, 30_000);
});
