import { readFile, writeFile } from 'node:fs/promises';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';

const sdlFile = (name: string) => new URL(`../../../schema/${name}.graphql`, import.meta.url);

// Read over HTTP, as clients see it: the app serves two schemas. Deprecated arguments are kept, so the
// contract shows them as deprecated rather than gone.
async function printedSchema(client: GraphqlClient): Promise<string> {
  const { __schema } = await client.data(getIntrospectionQuery({ inputValueDeprecation: true }));
  return `${printSchema(lexicographicSortSchema(buildClientSchema({ __schema } as never)))}\n`;
}

// The committed SDL is the contract front-end teams and tools code against. `npm run schema:update`
// rewrites it; otherwise a difference fails here, so a schema change is always a reviewed change.
describe('committed schemas', () => {
  let t: TestApp;
  const sdl: Record<'public' | 'admin', string> = { public: '', admin: '' };

  beforeAll(async () => {
    t = await createTestApp();
    sdl.public = await printedSchema(t.graphql);
    sdl.admin = await printedSchema((await loginAs(t, 'CONTRIBUTOR')).admin);
    if (process.env.UPDATE_SCHEMA === '1') {
      for (const name of ['public', 'admin'] as const) await writeFile(sdlFile(name), sdl[name]);
    }
  });
  afterAll(() => t.close());

  it.each(['public', 'admin'] as const)('%s schema matches schema/%s.graphql', async (name) => {
    expect(sdl[name]).toBe(await readFile(sdlFile(name), 'utf8'));
  });

  it('keeps the public schema read-only, with no editorial type or draft field', () => {
    // Descriptions may talk about drafts; only names count.
    const names = sdl.public.replace(/"""[\s\S]*?"""|"[^"\n]*"/g, '');
    expect(names).not.toMatch(/type Subscription/);
    // The one write the public may make is asking for the newsletter (double opt-in, rate limited).
    const mutation = /^type Mutation \{([^}]*)\}/m.exec(names)?.[1] ?? '';
    expect([...mutation.matchAll(/^ {2}(\w+)/gm)].map(([, field]) => field)).toEqual(['subscribeToNewsletter']);
    expect(names).not.toMatch(
      /\b(Admin\w*|Audit\w*|User\w*|ApiToken\w*|ArticleStatus|DRAFT|SCHEDULED|status|version|deletedAt|pendingChanges|bodyText)\b/,
    );
    expect(sdl.admin).toMatch(/type Mutation/);
  });

  it('gives every public entity type an id, so normalised client caches work', () => {
    const types = [...sdl.public.matchAll(/^type (\w+)[^{]*\{([^}]*)\}/gm)];
    const wrappers = /^(Query|Mutation|PageInfo|\w+Connection|\w+Edge|\w+Payload)$/;
    const withoutId = types
      .filter(([, name, body]) => !wrappers.test(name!) && !/^\s+id: ID!$/m.test(body!))
      .map(([, name]) => name);
    expect(withoutId).toEqual([]);
    expect(types.length).toBeGreaterThan(8);
  });
});
