import { ObjectType } from '@nestjs/graphql';
import type { SessionTokens } from '../session.service.js';
import { SessionTokensPayload } from './session-tokens.payload.js';

@ObjectType('RefreshSessionPayload')
export class RefreshSessionPayload extends SessionTokensPayload {
  static of(tokens: SessionTokens, inCookie = false): RefreshSessionPayload {
    return SessionTokensPayload.fill(new RefreshSessionPayload(), tokens, inCookie);
  }
}
