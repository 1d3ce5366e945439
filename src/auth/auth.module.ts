import { Global, Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service.js';
import { AuthenticatorService } from './authenticator.service.js';
import { CredentialRepository } from './credential.repository.js';

// Global: every admin feature checks the actor, and the admin endpoint authenticates every request.
@Global()
@Module({
  providers: [AccessTokenService, AuthenticatorService, CredentialRepository],
  exports: [AccessTokenService, AuthenticatorService],
})
export class AuthModule {}
