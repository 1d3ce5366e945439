import { toGlobalId } from '../../../src/common/global-id.js';
import type { UserRole } from '../../../src/generated/prisma/client.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import type { GraphqlClient } from '../../utils/graphql-client.js';
import { KINDS, mutationOf, randomName, stateOf, type TaxonomyKind, type Verb } from '../../utils/taxonomy-kinds.js';

type Role = UserRole | 'ANONYMOUS';

const ROLES: Role[] = ['ANONYMOUS', 'CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'];
const VERBS: Verb[] = ['create', 'update', 'trash', 'restore', 'purge'];
const PAST: Record<Verb, string> = {
  create: 'created',
  update: 'updated',
  trash: 'trashed',
  restore: 'restored',
  purge: 'purged',
};

function expectedOutcome(role: Role, verb: Verb): 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (role === 'CONTRIBUTOR' || role === 'AUTHOR') return 'FORBIDDEN';
  if (verb === 'purge' && role === 'EDITOR') return 'FORBIDDEN';
  return 'OK';
}

const CASES = KINDS.flatMap((k) =>
  VERBS.flatMap((verb) => ROLES.map((role) => [k.type, verb, role, expectedOutcome(role, verb)] as const)),
);

describe('admin API: who may manage authors, tags, sections and series', () => {
  let t: TestApp;
  let factory: ContentFactory;
  const clients = new Map<Role, { client: GraphqlClient; userId: string | null }>();

  beforeAll(async () => {
    t = await createTestApp();
    factory = new ContentFactory(t.prisma);
    clients.set('ANONYMOUS', { client: t.admin, userId: null });
    for (const role of ROLES.slice(1) as UserRole[]) {
      const { admin, user } = await loginAs(t, role);
      clients.set(role, { client: admin, userId: user.id });
    }
  });
  afterAll(() => t.close());

  async function inputFor(k: TaxonomyKind, verb: Verb): Promise<{ id?: string; input: Record<string, unknown> }> {
    if (verb === 'create') return { input: { name: randomName(k.type) } };
    const row = await k.make(factory, verb === 'restore' ? { deletedAt: new Date() } : {});
    const id = toGlobalId(k.type, row.id);
    return { id: row.id, input: verb === 'update' ? { id, name: randomName('Renamed') } : { id } };
  }

  it.each(CASES)('%s: %s as %s -> %s', async (type, verb, role, outcome) => {
    const k = KINDS.find((candidate) => candidate.type === type)!;
    const { client, userId } = clients.get(role)!;
    const { id, input } = await inputFor(k, verb);
    const before = await stateOf(t, k, id);

    const response = await client.post(mutationOf(k, verb), { input });

    if (outcome !== 'OK') {
      expect(response.body.errors?.[0]?.extensions?.code).toBe(outcome);
      expect(response.body.data).toBeNull();
      expect(await stateOf(t, k, id)).toEqual(before);
      return;
    }
    expect(response.body.errors).toBeUndefined();
    const entry = await t.prisma.auditEntry.findFirst({
      where: { action: `${k.noun}.${PAST[verb]}` },
      orderBy: { createdAt: 'desc' },
    });
    expect(entry).toMatchObject({ entityType: k.type, actorId: userId, actorKind: 'user' });
    if (id) expect(entry!.entityId).toBe(id);
    if (verb === 'purge') expect(await k.find(t.prisma, id!)).toBeNull();
  });

  it.each(KINDS)('lets anyone logged in read the $type lists, and nobody else', async (k) => {
    const row = await k.make(factory);
    const query = `query($id: ID!) { ${k.list}(first: 100) { totalCount edges { node { id } } } ${k.item}(id: $id) { slug } }`;
    const variables = { id: toGlobalId(k.type, row.id) };

    const anonymous = await t.admin.post(query, variables);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.data).toBeNull();

    for (const role of ['CONTRIBUTOR', 'AUTHOR'] as const) {
      const data = await clients.get(role)!.client.data(query, variables);
      expect(data[k.list].edges.map((edge: any) => edge.node.id)).toContain(variables.id);
      expect(data[k.item]).toEqual({ slug: row.slug });
    }
  });
});
