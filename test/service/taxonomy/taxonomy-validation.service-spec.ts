import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../../../src/access/actor.js';
import { authorInputSchemas } from '../../../src/authors/author.schema.js';
import { AuthorEditorService } from '../../../src/authors/author-editor.service.js';
import { DomainError } from '../../../src/common/domain-error.js';
import { toGlobalId } from '../../../src/common/global-id.js';
import { parseInput } from '../../../src/common/parse-input.js';
import { sectionInputSchemas } from '../../../src/sections/section.schema.js';
import { SectionEditorService } from '../../../src/sections/section-editor.service.js';
import { SeriesEditorService } from '../../../src/series/series-editor.service.js';
import { TagEditorService } from '../../../src/tags/tag-editor.service.js';
import type { TaxonomyCreate, TaxonomyEditor, TaxonomyUpdate } from '../../../src/taxonomy/taxonomy-editor.service.js';
import type { TaxonomyRow } from '../../../src/taxonomy/taxonomy.repository.js';
import { describedInputSchemas, idInputSchema } from '../../../src/taxonomy/taxonomy.schema.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { createServiceContext, type ServiceContext } from '../../utils/create-service-context.js';
import { kind, stateOf, type TaxonomyKind, type Verb } from '../../utils/taxonomy-kinds.js';

// The taxonomy input rules (zod schemas, then the editor's reference checks), run as the admin
// resolvers run them (taxonomy-admin.resolver.ts) but without HTTP: every bad input is
// BAD_USER_INPUT at the right path and changes nothing. That the error reaches a GraphQL client
// with its issues is test/e2e/admin-api/taxonomy.e2e-spec.ts.
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

type Schemas = { create: z.ZodType<TaxonomyCreate>; update: z.ZodType<TaxonomyUpdate> };

describe('taxonomy editors: bad input to authors, tags, sections and series', () => {
  let s: ServiceContext;
  let factory: ContentFactory;
  let admin: Actor;
  let editors: Record<TaxonomyKind['type'], { editor: TaxonomyEditor<TaxonomyRow, never>; schemas: Schemas }>;

  beforeAll(async () => {
    s = await createServiceContext();
    factory = new ContentFactory(s.prisma);
    admin = await s.actorAs('ADMIN');
    // Each kind's editor with the schemas its admin resolver parses input with.
    editors = {
      Author: { editor: s.get(AuthorEditorService) as never, schemas: authorInputSchemas },
      Tag: { editor: s.get(TagEditorService) as never, schemas: describedInputSchemas('Tag') },
      Section: { editor: s.get(SectionEditorService) as never, schemas: sectionInputSchemas },
      Series: { editor: s.get(SeriesEditorService) as never, schemas: describedInputSchemas('Series') },
    };
  });
  afterAll(() => s.close());

  /** What the admin resolver does with a mutation's input, minus HTTP and the role check. */
  async function run(type: TaxonomyKind['type'], verb: Verb, input: unknown): Promise<unknown> {
    const { editor, schemas } = editors[type];
    if (verb === 'create') return editor.create(admin, parseInput(schemas.create, input, ['input']));
    if (verb === 'update') return editor.update(admin, parseInput(schemas.update, input, ['input']));
    return editor[verb](admin, parseInput(idInputSchema(type), input, ['input']).id);
  }

  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  const issuePaths = (error: DomainError) => (error.details.issues as { path: string }[]).map((issue) => issue.path);

  it.each(BAD_INPUTS)(
    'refuses %s (%s %s) with BAD_USER_INPUT at the right path, changing nothing',
    async (_case, type, verb, build, path) => {
      const k = kind(type);
      const row = await k.make(factory, verb === 'restore' ? { deletedAt: new Date() } : {});
      const before = await stateOf(s, k, row.id);

      const error = await refusal(run(type, verb, build(toGlobalId(type, row.id), row.id)));

      expect(error.code).toBe('BAD_USER_INPUT');
      expect(issuePaths(error)).toEqual([path]);
      expect(await stateOf(s, k, row.id)).toEqual(before);
    },
  );

  it('reports every bad field at once', async () => {
    const error = await refusal(
      run('Author', 'create', { name: '', slug: 'No', socialLinks: [link('ftp://files.example.com/')] }),
    );
    expect(issuePaths(error)).toEqual(['input.name', 'input.slug', 'input.socialLinks.0.url']);
  });

  it('refuses a trashed image as an avatar', async () => {
    const image = await factory.image({ deletedAt: new Date() });
    const before = await stateOf(s, kind('Author'));
    const error = await refusal(run('Author', 'create', { name: 'Someone', avatarImageId: toGlobalId('Image', image.id) }));
    expect(error.details.issues).toEqual([{ path: 'input.avatarImageId', message: expect.any(String) }]);
    expect(await stateOf(s, kind('Author'))).toEqual(before);
  });

  it('accepts the same inputs once they are right, so the refusals above are about the bad field', async () => {
    const image = await factory.image();
    const created = (await run('Author', 'create', {
      name: 'Someone',
      slug: 'someone-valid',
      socialLinks: [link('https://x.com/someone')],
      avatarImageId: toGlobalId('Image', image.id),
    })) as { name: string };
    expect(created.name).toBe('Someone');
    expect(await s.prisma.author.findFirst({ where: { slug: 'someone-valid' } })).toMatchObject({ avatarId: image.id });
  });
});
