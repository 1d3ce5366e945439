import { TransactionRunner } from '../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import type { User } from '../generated/prisma/client.js';
import { UserRepository } from '../users/user.repository.js';
import { AccessTokenService } from './access-token.service.js';
import type { Actor } from '../access/actor.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import type { ChangePasswordData } from './session.schema.js';
import { SessionRepository } from './session.repository.js';

// A user changing their own password. Every other login of theirs ends (a stolen session must not
// outlive the password change); the login in use stays, so the Studio does not sign itself out.
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async change(actor: Actor, accessToken: string | null, data: ChangePasswordData): Promise<User> {
    const claims = accessToken && actor.kind === 'user' ? await this.accessTokens.verify(accessToken) : null;
    const session = claims ? await this.sessions.findById(claims.sessionId) : null;
    if (!session || !actor.userId) throw badInput('input', 'API tokens have no password: log in as a user');
    if (!(await verifyPassword(session.user.passwordHash, data.currentPassword))) {
      throw badInput('input.currentPassword', 'is not your current password');
    }
    if (data.newPassword === data.currentPassword) throw badInput('input.newPassword', 'must differ from the current password');
    const passwordHash = await hashPassword(data.newPassword);
    return this.transactions.run(async (tx) => {
      const user = await this.users.update(tx, actor.userId!, { passwordHash });
      const revoked = await this.sessions.revokeOtherFamilies(tx, user.id, session.familyId, new Date());
      await this.audit.record(tx, actor, {
        action: 'user.password_changed',
        entityType: 'User',
        entityId: user.id,
        details: { otherSessionsRevoked: revoked },
      });
      return user;
    });
  }
}

function badInput(path: string, message: string): DomainError {
  return DomainError.badInput([{ path, message }]);
}
