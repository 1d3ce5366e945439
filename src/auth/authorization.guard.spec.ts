import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { UserRole } from '../generated/prisma/client.js';
import type { Actor } from '../access/actor.js';
import type { AuthenticatorService } from './authenticator.service.js';
import { AuthorizationGuard } from './authorization.guard.js';
import { CurrentActor } from '../access/current-actor.decorator.js';
import { AllowAnonymous, Requires } from '../access/requires.decorator.js';

class Operations {
  @Requires('EDITOR', 'manage tags')
  manageTags() {}

  @Requires('CONTRIBUTOR', 'see tags')
  seeTags() {}

  @AllowAnonymous('logging in')
  login() {}

  undeclared() {}

  whoAmI(@CurrentActor() actor: Actor) {
    return actor;
  }
}

const operations = new Operations();
const ROLES: UserRole[] = ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'];

function actor(role: UserRole): Actor {
  return { kind: 'user', userId: `user-${role}`, tokenId: null, role, label: role, ip: null, requestId: null };
}

// The context Nest hands a guard for a GraphQL root field: (root, args, context, info).
function graphql(handler: (...args: never[]) => unknown, context: object): ExecutionContextHost {
  const host = new ExecutionContextHost([{}, {}, context, { fieldName: handler.name }], Operations, handler);
  host.setType('graphql');
  return host;
}

// The request itself (not a copy), so a test sees what the guard leaves on it.
function http(handler: (...args: never[]) => unknown, req: Record<string, unknown>): ExecutionContextHost {
  req.headers ??= {};
  return new ExecutionContextHost([req, {}, () => undefined], Operations, handler);
}

// Stands in for the real authenticator: a known header yields its actor, no header yields anonymous.
function fakeAuthenticator(byHeader: Record<string, Actor> = {}) {
  const calls: (string | undefined)[] = [];
  const authenticator = {
    authenticate: async (authorization: string | undefined) => {
      calls.push(authorization);
      return authorization ? (byHeader[authorization] ?? null) : null;
    },
  };
  return { calls, authenticator: authenticator as unknown as AuthenticatorService };
}

function guardWith(authenticator = fakeAuthenticator().authenticator): AuthorizationGuard {
  return new AuthorizationGuard(new Reflector(), authenticator);
}

describe('AuthorizationGuard on the admin GraphQL endpoint', () => {
  const guard = guardWith();

  it('refuses an anonymous caller with the UNAUTHENTICATED message clients know', async () => {
    await expect(guard.canActivate(graphql(operations.manageTags, { actor: null }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Log in first: send Authorization: Bearer <access token or API token>',
    });
  });

  it('refuses a role below the requirement with the FORBIDDEN message the Studio shows', async () => {
    for (const role of ['CONTRIBUTOR', 'AUTHOR'] as const) {
      await expect(guard.canActivate(graphql(operations.manageTags, { actor: actor(role) }))).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: `Your role (${role.toLowerCase()}) may not manage tags; it takes editor or above`,
      });
    }
  });

  it('lets the required role and every role above it through', async () => {
    for (const role of ['EDITOR', 'ADMIN'] as const) {
      await expect(guard.canActivate(graphql(operations.manageTags, { actor: actor(role) }))).resolves.toBe(true);
    }
  });

  it('treats CONTRIBUTOR as "logged in": every role passes, anonymous does not', async () => {
    for (const role of ROLES) {
      await expect(guard.canActivate(graphql(operations.seeTags, { actor: actor(role) }))).resolves.toBe(true);
    }
    await expect(guard.canActivate(graphql(operations.seeTags, { actor: null }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('lets anyone call an operation declared @AllowAnonymous', async () => {
    await expect(guard.canActivate(graphql(operations.login, { actor: null }))).resolves.toBe(true);
  });

  it('fails closed: an admin operation that declares nothing is refused, even to an admin', async () => {
    for (const who of [null, actor('ADMIN')]) {
      await expect(guard.canActivate(graphql(operations.undeclared, { actor: who }))).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'undeclared declares no access rule (@Requires or @AllowAnonymous), so nobody may use it',
      });
    }
  });

  it('leaves undeclared operations of the public endpoint (whose context has no actor) alone', async () => {
    await expect(guard.canActivate(graphql(operations.undeclared, { keys: {} }))).resolves.toBe(true);
  });
});

describe('AuthorizationGuard on REST routes', () => {
  const editor = actor('EDITOR');

  it('authenticates a declared route from its Authorization header and leaves the actor on the request', async () => {
    const { authenticator, calls } = fakeAuthenticator({ 'Bearer editor': editor });
    const req = { path: '/admin/newsletter/subscribers.csv', headers: { authorization: 'Bearer editor' } };
    await expect(guardWith(authenticator).canActivate(http(operations.manageTags, req))).resolves.toBe(true);
    expect(calls).toEqual(['Bearer editor']);
    expect(req).toMatchObject({ actor: editor });
  });

  it('refuses a declared route without a login, or with too low a role', async () => {
    const { authenticator } = fakeAuthenticator({ 'Bearer author': actor('AUTHOR') });
    const guard = guardWith(authenticator);
    await expect(guard.canActivate(http(operations.manageTags, { path: '/admin/media' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const author = { path: '/admin/media', headers: { authorization: 'Bearer author' } };
    await expect(guard.canActivate(http(operations.manageTags, author))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your role (author) may not manage tags; it takes editor or above',
    });
  });

  it('refuses an undeclared route under /admin/, however cased, without authenticating anyone', async () => {
    const { authenticator, calls } = fakeAuthenticator();
    for (const path of ['/admin/media', '/ADMIN/Media']) {
      await expect(guardWith(authenticator).canActivate(http(operations.undeclared, { path }))).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Operations.undeclared declares no access rule (@Requires or @AllowAnonymous), so nobody may use it',
      });
    }
    expect(calls).toEqual([]);
  });

  it('leaves undeclared public routes (feeds, media files) alone, without authenticating', async () => {
    const { authenticator, calls } = fakeAuthenticator();
    for (const path of ['/feeds/rss.xml', '/media/a.jpg', '/administrator']) {
      await expect(guardWith(authenticator).canActivate(http(operations.undeclared, { path }))).resolves.toBe(true);
    }
    expect(calls).toEqual([]);
  });
});

describe('@CurrentActor()', () => {
  // The factory Nest calls to fill the parameter, as createParamDecorator registered it.
  const factory = (): ((data: unknown, context: ExecutionContextHost) => Actor) => {
    const metadata = Reflect.getMetadata(ROUTE_ARGS_METADATA, Operations, 'whoAmI') as Record<string, { factory: never }>;
    return Object.values(metadata)[0]!.factory;
  };

  it('gives the resolver the actor of the GraphQL context, and the route that of the request', () => {
    const editor = actor('EDITOR');
    expect(factory()(undefined, graphql(operations.whoAmI, { actor: editor }))).toBe(editor);
    expect(factory()(undefined, http(operations.whoAmI, { path: '/admin/media', actor: editor }))).toBe(editor);
  });

  it('never hands out a null actor', () => {
    expect(() => factory()(undefined, graphql(operations.whoAmI, { actor: null }))).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});
