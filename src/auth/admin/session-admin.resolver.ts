import { Inject } from '@nestjs/common';
import { Context, Mutation, Resolver } from '@nestjs/graphql';
import type { z } from 'zod';
import { ValidInput } from '../../graphql-types/valid-input.decorator.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AdminContext } from '../../access/admin-context.js';
import { AdminUserModel } from '../../users/admin/admin-user.model.js';
import type { Actor } from '../../access/actor.js';
import { AuthErrors } from '../auth.exception.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { PasswordChangeService } from '../password-change.service.js';
import { AllowAnonymous, Requires } from '../../access/requires.decorator.js';
import {
  changePasswordSchema,
  loginSchema,
  logoutSchema,
  refreshSessionSchema,
  type ChangePasswordData,
  type LoginData,
} from '../session.schema.js';
import { SessionService, type ClientOrigin } from '../session.service.js';
import { ChangePasswordInput, LoginInput, LogoutInput, RefreshSessionInput } from './auth-admin.inputs.js';
import { ChangePasswordPayload, LoginPayload, LogoutPayload, RefreshSessionPayload } from './auth-admin.payloads.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie, type CookieSettings } from './session-cookie.js';

function originOf(ctx: AdminContext): ClientOrigin {
  const userAgent = ctx.req.headers['user-agent'];
  return {
    ip: ctx.req.ip ?? null,
    userAgent: userAgent ? userAgent.slice(0, 500) : null,
    requestId: ctx.req.id === undefined ? null : String(ctx.req.id),
  };
}

// The context has already checked it (AuthenticatorService); logout only needs its session id.
function bearerToken(ctx: AdminContext): string | null {
  return /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization?.trim() ?? '')?.[1] ?? null;
}

@Resolver()
export class SessionAdminResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly passwords: PasswordChangeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => LoginPayload, { description: 'Logs in with email and password; no Authorization header needed' })
  @AllowAnonymous('logging in is how one stops being anonymous')
  async login(@ValidInput(LoginInput, loginSchema) input: LoginData, @Context() ctx: AdminContext): Promise<LoginPayload> {
    const { session, ...credentials } = input;
    const tokens = await this.sessions.login(credentials, originOf(ctx));
    if (session !== 'COOKIE') return LoginPayload.of(tokens);
    setRefreshCookie(ctx.res!, tokens.refreshToken, tokens.refreshTokenExpiresAt, this.cookieSettings(ctx));
    return LoginPayload.of(tokens, true);
  }

  @Mutation(() => RefreshSessionPayload, {
    description:
      'Trades a refresh token (or, without one, the session cookie) for new tokens. Send it without an expired Authorization header.',
  })
  @AllowAnonymous('the refresh token (or cookie) is the credential; the access token has typically expired')
  async refreshSession(
    @ValidInput(RefreshSessionInput, refreshSessionSchema, { nullable: true }) input: z.output<typeof refreshSessionSchema>,
    @Context() ctx: AdminContext,
  ): Promise<RefreshSessionPayload> {
    const given = input?.refreshToken;
    if (given) return RefreshSessionPayload.of(await this.sessions.refresh(given, originOf(ctx)));
    const fromCookie = readRefreshCookie(ctx.req);
    if (!fromCookie) throw AuthErrors.invalidRefreshToken();
    try {
      const tokens = await this.sessions.refresh(fromCookie, originOf(ctx));
      setRefreshCookie(ctx.res!, tokens.refreshToken, tokens.refreshTokenExpiresAt, this.cookieSettings(ctx));
      return RefreshSessionPayload.of(tokens, true);
    } catch (error) {
      // A cookie that no longer works is of no use to anyone: drop it with the refusal.
      clearRefreshCookie(ctx.res!, this.cookieSettings(ctx));
      throw error;
    }
  }

  @Mutation(() => LogoutPayload, {
    description: 'Ends a login: that of the refresh token given, else of the session cookie, else the current one',
  })
  @AllowAnonymous('a refresh token alone may end its login; without one the session service demands a login')
  async logout(
    @ValidInput(LogoutInput, logoutSchema, { nullable: true }) parsed: z.output<typeof logoutSchema>,
    @Context() ctx: AdminContext,
  ): Promise<LogoutPayload> {
    const fromCookie = readRefreshCookie(ctx.req);
    if (fromCookie) clearRefreshCookie(ctx.res!, this.cookieSettings(ctx));
    // With an access token, its login is the one to end (the Studio's cookie belongs to the same one).
    const refreshToken = parsed?.refreshToken ?? (bearerToken(ctx) ? null : fromCookie);
    await this.sessions.logout(refreshToken, bearerToken(ctx), ctx.actor, originOf(ctx));
    return { success: true };
  }

  @Mutation(() => ChangePasswordPayload, {
    description: 'Changes my password; my other logins end, this one stays (users, not API tokens)',
  })
  @Requires('CONTRIBUTOR', 'change your password')
  async changePassword(
    @ValidInput(ChangePasswordInput, changePasswordSchema) data: ChangePasswordData,
    @CurrentActor() actor: Actor,
    @Context() ctx: AdminContext,
  ): Promise<ChangePasswordPayload> {
    return { user: AdminUserModel.fromRow(await this.passwords.change(actor, bearerToken(ctx), data)) };
  }

  // PUBLIC_API_URL (behind media's public URL) says whether browsers reach this API over https.
  private cookieSettings(ctx: AdminContext): CookieSettings {
    return { secure: ctx.req.secure || this.config.media.publicUrl.startsWith('https:') };
  }
}
