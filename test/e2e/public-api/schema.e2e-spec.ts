import { readFile, writeFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { maliArticle } from '../../../src/seed/demo-content.js';
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

  // The body block format as JSON Schema, for client developers and their validators (here ajv).
  describe('GET /schema/article-body.json', () => {
    it('serves a JSON Schema (2020-12) that accepts a real body and refuses bad ones', async () => {
      const response = await fetch(`${t.baseUrl}/schema/article-body.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
      const schema = (await response.json()) as Record<string, unknown>;
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const validate = new Ajv2020({ strict: false }).compile(schema);

      expect(validate(maliArticle.body)).toBe(true);
      expect(
        validate([
          {
            type: 'paragraph',
            children: [
              { text: 'Hi ', marks: ['em'] },
              { text: 'there', href: 'https://example.com' },
            ],
          },
        ]),
      ).toBe(true);
      for (const bad of [
        [{ type: 'video', src: 'x' }],
        [{ type: 'paragraph', text: 'x', colour: 'red' }],
        [{ type: 'heading', level: 7, text: 'Too deep' }],
        [{ type: 'paragraph', children: [{ text: 'x', marks: ['blink'] }] }],
        { type: 'paragraph', text: 'not an array' },
      ]) {
        expect({ bad, valid: validate(bad) }).toEqual({ bad, valid: false });
      }
    });
  });
});
