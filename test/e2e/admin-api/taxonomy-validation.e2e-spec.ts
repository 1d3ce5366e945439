import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import { kind, mutationOf, stateOf, type TaxonomyKind, type Verb } from '../../utils/taxonomy-kinds.js';

// Each bad input names the mutation, the input (built around an existing row's id where the mutation
// needs one) and the path the BAD_USER_INPUT error must report.
type BadInput = [string, TaxonomyKind['type'], Verb, (id: string, uuid: string) => Record<string, unknown>, string];

const unknownImage = toGlobalId('Image', randomUUID());
const link = (url: string, network = 'x') => ({ network, url });

const BAD_INPUTS: BadInput[] = [
  ['empty name', 'Tag', 'create', () => ({ name: '' }), 'input.name'],
  ['blank name', 'Section', 'create', () => ({ name: '   ' }), 'input.name'],
  ['name over 120 characters', 'Series', 'create', () => ({ name: 'x'.repeat(121) }), 'input.name'],
  ['blank name on rename', 'Author', 'update', (id) => ({ id, name: ' ' }), 'input.name'],
  ['upper-case slug', 'Tag', 'create', () => ({ name: 'Mali', slug: 'Mali' }), 'input.slug'],
  ['slug with spaces', 'Series', 'update', (id) => ({ id, slug: 'diplomacy watch' }), 'input.slug'],
  ['slug with double hyphen', 'Section', 'create', () => ({ name: 'Africa', slug: 'af--rica' }), 'input.slug'],
  ['empty slug', 'Author', 'create', () => ({ name: 'Someone', slug: '' }), 'input.slug'],
  [
    'description over 5000 characters',
    'Tag',
    'create',
    () => ({ name: 'Long', description: 'x'.repeat(5001) }),
    'input.description',
  ],
  ['bio over 5000 characters', 'Author', 'update', (id) => ({ id, bio: 'x'.repeat(5001) }), 'input.bio'],
  ['negative position', 'Section', 'update', (id) => ({ id, position: -1 }), 'input.position'],
  [
    'javascript: URL',
    'Author',
    'create',
    () => ({ name: 'Someone', socialLinks: [link('javascript:alert(1)')] }),
    'input.socialLinks.0.url',
  ],
  [
    'data: URL on update',
    'Author',
    'update',
    (id) => ({ id, socialLinks: [link('https://x.com/a'), link('data:text/html,hi', 'web')] }),
    'input.socialLinks.1.url',
  ],
  [
    'empty network',
    'Author',
    'create',
    () => ({ name: 'Someone', socialLinks: [link('https://x.com/a', '')] }),
    'input.socialLinks.0.network',
  ],
  ['unknown avatar image', 'Author', 'create', () => ({ name: 'Someone', avatarImageId: unknownImage }), 'input.avatarImageId'],
  ['unknown avatar image on update', 'Author', 'update', (id) => ({ id, avatarImageId: unknownImage }), 'input.avatarImageId'],
  [
    'avatar id of another type',
    'Author',
    'create',
    () => ({ name: 'Someone', avatarImageId: toGlobalId('Tag', randomUUID()) }),
    'input.avatarImageId',
  ],
  ['malformed id', 'Tag', 'update', () => ({ id: 'not-an-id', name: 'x' }), 'input.id'],
  ['id of another type', 'Tag', 'trash', (_id, uuid) => ({ id: toGlobalId('Section', uuid) }), 'input.id'],
  ['malformed id on purge', 'Series', 'purge', () => ({ id: 'U2VyaWVzOjEgT1IgMT0x' }), 'input.id'],
  ['malformed id on restore', 'Section', 'restore', () => ({ id: '' }), 'input.id'],
];

describe('admin API: bad input to authors, tags, sections and series', () => {
  let t: TestApp;
  let factory: ContentFactory;
  let admin: GraphqlClient;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new ContentFactory(t.prisma);
    admin = (await loginAs(t, 'ADMIN')).admin;
  });
  afterAll(() => t.close());

  it.each(BAD_INPUTS)(
    'refuses %s (%s %s) with BAD_USER_INPUT at the right path, changing nothing',
    async (_case, type, verb, build, path) => {
      const k = kind(type);
      const row = await k.make(factory, verb === 'restore' ? { deletedAt: new Date() } : {});
      const before = await stateOf(t, k, row.id);

      const response = await admin.post(mutationOf(k, verb), { input: build(toGlobalId(type, row.id), row.id) });

      expect(response.body.data).toBeNull();
      const error = response.body.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.issues.map((issue: { path: string }) => issue.path)).toEqual([path]);
      expect(await stateOf(t, k, row.id)).toEqual(before);
    },
  );

  it('reports every bad field at once', async () => {
    const response = await admin.post(mutationOf(kind('Author'), 'create'), {
      input: { name: '', slug: 'No', socialLinks: [link('ftp://files.example.com/')] },
    });
    expect(response.body.errors?.[0]?.extensions?.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'input.name',
      'input.slug',
      'input.socialLinks.0.url',
    ]);
  });

  it('refuses a trashed image as an avatar', async () => {
    const image = await factory.image({ deletedAt: new Date() });
    const before = await stateOf(t, kind('Author'));
    const response = await admin.post(mutationOf(kind('Author'), 'create'), {
      input: { name: 'Someone', avatarImageId: toGlobalId('Image', image.id) },
    });
    expect(response.body.errors?.[0]?.extensions?.issues).toEqual([{ path: 'input.avatarImageId', message: expect.any(String) }]);
    expect(await stateOf(t, kind('Author'))).toEqual(before);
  });

  it('validates query arguments too', async () => {
    const bad = await admin.post(`{ adminTag(id: "nonsense") { id } }`);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'id' }] });
    const long = await admin.post(`query($search: String) { adminSections(search: $search) { totalCount } }`, {
      search: 'x'.repeat(121),
    });
    expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'search' }] });
  });
});
