import { readFile, writeFile } from 'node:fs/promises';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const SDL_FILE = new URL('../../../schema/public.graphql', import.meta.url);

// The committed SDL is the public contract front-end teams code against. `npm run schema:update`
// rewrites it; otherwise a difference fails here, so a schema change is always a reviewed change.
describe('public schema', () => {
  let t: TestApp;
  let sdl: string;

  beforeAll(async () => {
    t = await createTestApp();
    sdl = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(SDL_FILE, sdl);
  });
  afterAll(() => t.close());

  it('matches the committed schema/public.graphql', async () => {
    expect(sdl).toBe(await readFile(SDL_FILE, 'utf8'));
  });

  it('is read-only and exposes no editorial type or draft field', () => {
    expect(sdl).not.toMatch(/type Mutation|type Subscription/);
    expect(sdl).not.toMatch(/\b(Admin\w*|ArticleStatus|DRAFT|SCHEDULED|status|version|deletedAt|previewToken\w*|bodyText)\b/);
  });

  it('gives every entity type an id, so normalised client caches work', () => {
    const types = [...sdl.matchAll(/^type (\w+)[^{]*\{([^}]*)\}/gm)];
    const wrappers = /^(Query|PageInfo|\w+Connection|\w+Edge)$/;
    const withoutId = types
      .filter(([, name, body]) => !wrappers.test(name!) && !/^\s+id: ID!$/m.test(body!))
      .map(([, name]) => name);
    expect(withoutId).toEqual([]);
    expect(types.length).toBeGreaterThan(8);
  });
});
