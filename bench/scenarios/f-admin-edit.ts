import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import type pg from 'pg';
import { toGlobalId } from '../../src/common/global-id.js';
import { LOGIN_MUTATION, UPDATE_ARTICLE_MUTATION } from './queries.js';
import { isGraphqlSuccess, type Scenario } from './scenario.js';

export const EDITOR_COUNT = 8;
const EDITOR = { email: 'bench-editor@newsdesk.test', name: 'Bench Editor', password: 'bench-editor-password-1' };
const ADMIN_PATH = '/admin/graphql';

interface EditedArticle {
  id: string;
  version: number;
  body: unknown[];
}

/** The account F logs in with: created once through the app's own CLI (validation, hashing, audit). */
async function ensureEditor(db: pg.Pool, databaseUrl: string): Promise<void> {
  const { rowCount } = await db.query('SELECT 1 FROM users WHERE email = $1', [EDITOR.email]);
  if (rowCount) return;
  const args = ['--email', EDITOR.email, '--name', EDITOR.name, '--role', 'admin', '--password', EDITOR.password];
  await promisify(execFile)(process.execPath, ['dist/cli/create-user.js', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

async function login(baseUrl: string): Promise<string> {
  const response = await fetch(baseUrl + ADMIN_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: LOGIN_MUTATION, variables: { input: { email: EDITOR.email, password: EDITOR.password } } }),
  });
  const result = (await response.json()) as { data?: { login?: { accessToken?: string } }; errors?: unknown };
  const token = result.data?.login?.accessToken;
  if (!token) throw new Error(`F: login failed: ${JSON.stringify(result.errors ?? result)}`);
  return token;
}

// Each save sends the article's whole body, as an editor's client does, with one paragraph changed.
function saveBody(article: EditedArticle, save: number): string {
  const body = [...article.body, { type: 'paragraph', text: `Bench save ${save}: the latest figures are in.` }];
  const input = { id: toGlobalId('Article', article.id), expectedVersion: article.version, body };
  return JSON.stringify({ query: UPDATE_ARTICLE_MUTATION, variables: { input } });
}

// Tracks the version each save returns; after a CONFLICT the error carries the current version, so the
// connection recovers instead of failing every later save.
function trackVersion(article: EditedArticle, responseBody: string): void {
  try {
    const result = JSON.parse(responseBody) as {
      data?: { updateArticle?: { article?: { version?: number } } };
      errors?: { extensions?: { currentVersion?: number } }[];
    };
    const version = result.data?.updateArticle?.article?.version ?? result.errors?.[0]?.extensions?.currentVersion;
    if (typeof version === 'number') article.version = version;
  } catch {
    // Not JSON (a proxy error page): the response is counted as an error; keep the version.
  }
}

export const adminEdit: Scenario = {
  id: 'F',
  title: `admin: ${EDITOR_COUNT} editors saving bodies (version check)`,
  prepare: async (db, databaseUrl) => {
    await ensureEditor(db, databaseUrl);
    // Drafts first (no public effect), else the oldest articles: one per editor, never shared.
    const { rows: picked } = await db.query<{ id: string }>(
      `SELECT id FROM articles WHERE deleted_at IS NULL
       ORDER BY CASE status WHEN 'DRAFT' THEN 0 WHEN 'PUBLISHED' THEN 1 ELSE 2 END, created_at, id LIMIT $1`,
      [EDITOR_COUNT],
    );
    if (picked.length < EDITOR_COUNT) throw new Error(`F needs ${EDITOR_COUNT} articles`);
    const ids = picked.map((row) => row.id);

    return async (baseUrl) => {
      const token = await login(baseUrl);
      const { rows } = await db.query<{ id: string; version: number; body: unknown[] }>(
        'SELECT id, version, body FROM articles WHERE id = ANY($1::uuid[]) ORDER BY id',
        [ids],
      );
      const articles: EditedArticle[] = rows.map((row) => ({ ...row }));
      // Versions as they are now. A stopped load leaves them stale: its last saves were applied, but
      // their responses were never read. An earlier configuration's run has saved these articles too.
      const readVersions = async () => {
        const { rows: current } = await db.query<{ id: string; version: number }>(
          'SELECT id, version FROM articles WHERE id = ANY($1::uuid[])',
          [ids],
        );
        for (const row of current) articles.find((article) => article.id === row.id)!.version = row.version;
      };
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      let saves = 0;
      const requestsOf = (connection: number): autocannon.Request[] => {
        const article = articles[connection % articles.length];
        return [
          {
            method: 'POST',
            path: ADMIN_PATH,
            headers,
            setupRequest: (request) => ({ ...request, body: saveBody(article, ++saves) }),
            onResponse: (_status, body) => trackVersion(article, body),
          },
        ];
      };
      return { requests: requestsOf, isSuccess: isGraphqlSuccess, connections: EDITOR_COUNT, beforeRun: readVersions };
    };
  },
};
