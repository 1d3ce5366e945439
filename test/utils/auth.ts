import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { AccessTokenService } from '../../src/auth/access-token.service.js';
import type { User, UserRole } from '../../src/generated/prisma/client.js';
import type { GraphqlClient } from './graphql-client.js';
import type { TestApp } from './create-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

// Password hashes are slow by design; tests share one.
let passwordHash: Promise<string> | undefined;

/**
 * A user who writes under a byline of their own (so their articles can be published: a story needs
 * one), unless `data.authorId` says otherwise (null for none).
 */
export async function createUser(t: Pick<TestApp, 'prisma'>, role: UserRole, data: Partial<User> = {}): Promise<User> {
  passwordHash ??= hash(TEST_PASSWORD);
  const id = randomBytes(4).toString('hex');
  const name = `${role} ${id}`;
  const authorId =
    data.authorId !== undefined ? data.authorId : (await t.prisma.author.create({ data: { name, slug: `byline-${id}` } })).id;
  return t.prisma.user.create({
    data: { email: `${role.toLowerCase()}-${id}@newsroom.test`, name, role, passwordHash: await passwordHash, ...data, authorId },
  });
}

export interface LoggedIn {
  user: User;
  accessToken: string;
  /** The admin endpoint with this user's Authorization header. */
  admin: GraphqlClient;
}

/** A user with a live session and an access token, without going through login (its own tests do). */
export async function loginAs(t: TestApp, role: UserRole, data: Partial<User> = {}): Promise<LoggedIn> {
  const user = await createUser(t, role, data);
  const session = await t.prisma.session.create({
    data: {
      userId: user.id,
      familyId: user.id,
      tokenHash: randomBytes(16).toString('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const { token } = await t.app.get(AccessTokenService).issue({ userId: user.id, sessionId: session.id });
  return { user, accessToken: token, admin: t.admin.with({ authorization: `Bearer ${token}` }) };
}
