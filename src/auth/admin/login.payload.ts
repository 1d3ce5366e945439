import { ObjectType } from '@nestjs/graphql';
import type { SessionTokens } from '../session.service.js';
import { SessionTokensPayload } from './session-tokens.payload.js';

@ObjectType('LoginPayload')
export class LoginPayload extends SessionTokensPayload {
  static of(tokens: SessionTokens, inCookie = false): LoginPayload {
    return SessionTokensPayload.fill(new LoginPayload(), tokens, inCookie);
  }
}
