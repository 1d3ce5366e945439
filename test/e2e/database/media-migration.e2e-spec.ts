import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { toGlobalId } from '../../../src/common/global-id.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/database/embedded-postgres.js';
import { applyMigrations, defaultMigrationsDir } from '../../../src/database/migrator.js';
import { withDatabase } from '../../utils/test-database.js';

const MEDIA_MIGRATION = '20261201084900_media_renditions_usage_search';
const adminUrl = process.env.TEST_DATABASE_URL;
const database = `media_migration_${randomBytes(6).toString('hex')}`;
const IMAGE = '01920b6e-4a00-7c3e-9d61-2f5a8b7c0d01';
const ARTICLE = '01920b6e-4a00-7c3e-9d61-2f5a8b7c0a01';
const DRAFT = '01920b6e-4a00-7c3e-9d61-2f5a8b7c0a02';

let url: string;
let admin: pg.Client | undefined;
let embedded: EmbeddedPostgres | undefined;
let before: string;

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
  // The migrations as they were before the media one.
  before = await mkdtemp(join(tmpdir(), 'newsdesk-migrations-'));
  for (const entry of await readdir(defaultMigrationsDir(), { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name >= MEDIA_MIGRATION) continue;
    await cp(join(defaultMigrationsDir(), entry.name), join(before, entry.name), { recursive: true });
  }
}, 30_000);

afterAll(async () => {
  await embedded?.stop();
  await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin?.end();
  await rm(before, { recursive: true, force: true });
}, 30_000);

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const legacyBlock = (caption: string) => ({
  type: 'image',
  imageId: IMAGE,
  url: 'https://media.example/2024/01/a.jpg',
  alt: 'Library alt',
  caption,
  credit: 'Library credit',
  width: 1200,
  height: 800,
});
const external = { type: 'image', url: 'https://elsewhere.example/photo.jpg', caption: 'Hotlinked' };

describe('the media migration', () => {
  it('turns copied image blocks into references (keeping differing texts as overrides) and fills image_usages', async () => {
    await applyMigrations(url, before);
    await sql(
      `INSERT INTO images (id, url, alt_text, caption, credit, updated_at)
       VALUES ($1, 'https://media.example/2024/01/a.jpg', 'Library alt', 'Library caption', 'Library credit', now())`,
      [IMAGE],
    );
    const body = [legacyBlock('Library caption'), { type: 'paragraph', text: 'x' }, external];
    const pending = { body: [{ ...legacyBlock('Edited caption'), imageId: undefined }], featuredImageId: IMAGE };
    await sql(
      `INSERT INTO articles (id, slug, headline, body, status, featured_image_id, pending_changes, updated_at)
       VALUES ($1, 'live', 'Live', $2, 'PUBLISHED', NULL, $3, now()), ($4, 'draft', 'Draft', '[]', 'DRAFT', $5, NULL, now())`,
      [ARTICLE, JSON.stringify(body), JSON.stringify(pending), DRAFT, IMAGE],
    );
    await sql(`INSERT INTO article_revisions (id, article_id, version, snapshot) VALUES (gen_random_uuid(), $1, 1, $2)`, [
      ARTICLE,
      JSON.stringify({ status: 'PUBLISHED', content: { body } }),
    ]);

    // The media migration, then any that came after it.
    expect((await applyMigrations(url))[0]).toEqual(MEDIA_MIGRATION);

    const reference = { type: 'image', imageId: toGlobalId('Image', IMAGE) };
    const [article] = await sql<{ body: unknown; pending_changes: { body: unknown } }>(
      `SELECT body, pending_changes FROM articles WHERE id = $1`,
      [ARTICLE],
    );
    expect(article!.body).toEqual([reference, { type: 'paragraph', text: 'x' }, external]);
    // Matched by url (no imageId); the edited caption differs from the library's, so it stays as an override.
    expect(article!.pending_changes.body).toEqual([{ ...reference, caption: 'Edited caption' }]);
    const [revision] = await sql<{ snapshot: { content: { body: unknown } } }>(`SELECT snapshot FROM article_revisions`);
    expect(revision!.snapshot.content.body).toEqual(article!.body);

    const usage = await sql<{ article_id: string; used_as: string; source: string }>(
      `SELECT article_id, used_as, source FROM image_usages WHERE image_id = $1 ORDER BY article_id, used_as, source`,
      [IMAGE],
    );
    expect(usage).toEqual([
      { article_id: ARTICLE, used_as: 'body', source: 'live' },
      { article_id: ARTICLE, used_as: 'body', source: 'pending' },
      { article_id: ARTICLE, used_as: 'featured', source: 'pending' },
      { article_id: DRAFT, used_as: 'featured', source: 'live' },
    ]);
    const [image] = await sql<{ search_text: string }>(`SELECT search_text FROM images WHERE id = $1`, [IMAGE]);
    expect(image!.search_text).toBe('library caption library credit library alt');
    expect(await sql(`SELECT proname FROM pg_proc WHERE proname LIKE 'newsdesk_tmp_%'`)).toEqual([]);
  });
});
