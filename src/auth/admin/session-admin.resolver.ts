import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { parseInput } from '../../common/parse-input.js';
import type { AdminContext } from '../../graphql/admin-context.js';
import { loginSchema, logoutSchema, refreshSessionSchema } from '../session.schema.js';
import { SessionService, type ClientOrigin } from '../session.service.js';
import { LoginInput } from './login.input.js';
import { LoginPayload } from './login.payload.js';
import { LogoutInput } from './logout.input.js';
import { LogoutPayload } from './logout.payload.js';
import { RefreshSessionInput } from './refresh-session.input.js';
import { RefreshSessionPayload } from './refresh-session.payload.js';

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
  constructor(private readonly sessions: SessionService) {}

  @Mutation(() => LoginPayload, { description: 'Logs in with email and password; no Authorization header needed' })
  async login(@Args('input') input: LoginInput, @Context() ctx: AdminContext): Promise<LoginPayload> {
    return LoginPayload.of(await this.sessions.login(parseInput(loginSchema, input, ['input']), originOf(ctx)));
  }

  @Mutation(() => RefreshSessionPayload, {
    description: 'Trades a refresh token for new tokens. Send it without an expired Authorization header.',
  })
  async refreshSession(@Args('input') input: RefreshSessionInput, @Context() ctx: AdminContext): Promise<RefreshSessionPayload> {
    const { refreshToken } = parseInput(refreshSessionSchema, input, ['input']);
    return RefreshSessionPayload.of(await this.sessions.refresh(refreshToken, originOf(ctx)));
  }

  @Mutation(() => LogoutPayload, { description: 'Ends a login: that of the refresh token given, else the current one' })
  async logout(
    @Args('input', { type: () => LogoutInput, nullable: true }) input: LogoutInput | null,
    @Context() ctx: AdminContext,
  ): Promise<LogoutPayload> {
    const parsed = parseInput(logoutSchema, input, ['input']);
    await this.sessions.logout(parsed?.refreshToken ?? null, bearerToken(ctx), ctx.actor, originOf(ctx));
    return { success: true };
  }
}
