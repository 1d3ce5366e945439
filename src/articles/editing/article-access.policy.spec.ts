import type { Actor } from '../../access/actor.js';
import { DomainError } from '../../common/domain-error.js';
import type { Article, ArticleStatus, UserRole } from '../../generated/prisma/client.js';
import { assertCanEdit, assertCanPublish, assertCanView } from './article-access.policy.js';

const WRITER = 'writer-user-id';
const OTHER = 'other-user-id';

function actor(role: UserRole, userId: string | null = WRITER): Actor {
  return {
    kind: userId ? 'user' : 'api_token',
    userId,
    tokenId: userId ? null : 'token-id',
    role,
    label: role,
    ip: null,
    requestId: null,
  };
}

// The policy reads only who created the article and its status.
function article(status: ArticleStatus, createdById: string | null = WRITER): Article {
  return { id: 'article-id', status, createdById } as Article;
}

type Outcome = 'allowed' | 'FORBIDDEN';

function outcome(check: () => unknown): Outcome | string {
  try {
    check();
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

const ROLES: UserRole[] = ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'];

describe('article access policy', () => {
  // [role, own article?, status, view, edit, publish]. Only what depends on the article: the role an
  // operation needs at all (a login; author to publish; admin to purge) is declared on it with @Requires
  // and checked by the guard (src/auth/authorization.guard.spec.ts, src/graphql/admin-access-rules.spec.ts).
  const TABLE: [UserRole, boolean, ArticleStatus, Outcome, Outcome, Outcome][] = [
    ['CONTRIBUTOR', true, 'DRAFT', 'allowed', 'allowed', 'allowed'],
    ['CONTRIBUTOR', true, 'SCHEDULED', 'allowed', 'FORBIDDEN', 'allowed'],
    ['CONTRIBUTOR', true, 'PUBLISHED', 'allowed', 'FORBIDDEN', 'allowed'],
    ['CONTRIBUTOR', true, 'ARCHIVED', 'allowed', 'FORBIDDEN', 'allowed'],
    ['CONTRIBUTOR', false, 'DRAFT', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    ['AUTHOR', true, 'DRAFT', 'allowed', 'allowed', 'allowed'],
    ['AUTHOR', true, 'PUBLISHED', 'allowed', 'allowed', 'allowed'],
    ['AUTHOR', true, 'SCHEDULED', 'allowed', 'allowed', 'allowed'],
    ['AUTHOR', false, 'DRAFT', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    ['AUTHOR', false, 'PUBLISHED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    ['EDITOR', true, 'PUBLISHED', 'allowed', 'allowed', 'allowed'],
    ['EDITOR', false, 'DRAFT', 'allowed', 'allowed', 'allowed'],
    ['EDITOR', false, 'PUBLISHED', 'allowed', 'allowed', 'allowed'],
    ['ADMIN', false, 'SCHEDULED', 'allowed', 'allowed', 'allowed'],
  ];

  it.each(TABLE)('%s, own article: %s, %s: view %s, edit %s, publish %s', (role, own, status, view, edit, publish) => {
    const subject = article(status, own ? WRITER : OTHER);
    const who = actor(role);
    expect([
      outcome(() => assertCanView(who, subject)),
      outcome(() => assertCanEdit(who, subject)),
      outcome(() => assertCanPublish(who, subject)),
    ]).toEqual([view, edit, publish]);
  });

  it('never counts an article as its own for an actor without a user (an API token)', () => {
    // createdById null must not match userId null.
    const token = actor('AUTHOR', null);
    expect(outcome(() => assertCanView(token, article('DRAFT', null)))).toBe('FORBIDDEN');
    expect(outcome(() => assertCanPublish(token, article('DRAFT', null)))).toBe('FORBIDDEN');
  });

  it("lets no role below editor touch another writer's article", () => {
    expect(ROLES.map((role) => outcome(() => assertCanEdit(actor(role), article('DRAFT', OTHER))))).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'allowed',
      'allowed',
    ]);
  });

  it('names the role and the refused action in the message', () => {
    let error: unknown;
    try {
      assertCanEdit(actor('CONTRIBUTOR'), article('PUBLISHED'));
    } catch (caught) {
      error = caught;
    }
    expect((error as DomainError).message).toBe(
      'Your role (contributor) may not edit an article once it is scheduled or published',
    );
  });
});
