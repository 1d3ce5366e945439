import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { ApiTokenService } from './api-token.service.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordChangeService } from './password-change.service.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';

// Handing out credentials: logins and their sessions, and API tokens. (Checking them on each request
// is AuthModule's job.)
@Module({
  imports: [UsersModule],
  providers: [
    SessionRepository,
    SessionService,
    LoginAttemptRepository,
    LoginRateLimiter,
    ApiTokenRepository,
    ApiTokenService,
    PasswordChangeService,
  ],
  exports: [SessionService, ApiTokenService, PasswordChangeService],
})
export class CredentialsModule {}
