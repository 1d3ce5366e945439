import { isUniqueViolation } from '../database/unique-violation.js';
import type { Tx } from '../database/tx.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../access/actor.js';
import { hashPassword } from './password.js';
import type { Prisma, User } from '../generated/prisma/client.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { Connection } from '../common/pagination/connection.js';
import { BY_NAME } from '../common/pagination/keyset.js';
import { UserRepository } from './user.repository.js';
import { UserErrors } from './user.exception.js';
import type { CreateUserData, ResetPasswordData, UpdateUserData } from './user.schema.js';

export interface Viewer {
  actor: Actor;
  /** Null when acting through an API token. */
  user: User | null;
}

// Account management: creating and changing users, with their audit entries. Callers check roles;
// inputs arrive parsed by user.schema.ts.
@Injectable()
export class UserEditorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
  ) {}

  // The caller maps rows to its nodes, so this service (and the user tools) load no GraphQL types.
  async list<Node>(page: PageRequest, nodeOf: (row: User) => Node): Promise<Connection<Node>> {
    const rows = await this.users.list(page);
    return buildConnection(
      rows,
      page,
      (row) => BY_NAME.cursorOf(row),
      () => this.users.count(),
      nodeOf,
    );
  }

  isEmpty(): Promise<boolean> {
    return this.users.isEmpty();
  }

  async viewer(actor: Actor): Promise<Viewer> {
    return { actor, user: actor.userId ? await this.users.findById(actor.userId) : null };
  }

  async create(actor: Actor, data: CreateUserData, auditDetails: Record<string, unknown> = {}): Promise<User> {
    // Hashing is slow by design: done before the transaction so it holds no connection meanwhile.
    const passwordHash = await hashPassword(data.password);
    try {
      return await this.transactions.run(async (tx) => {
        if (await this.users.findByEmail(data.email, tx)) throw UserErrors.emailTaken(data.email);
        if (data.authorId && !(await this.users.authorExists(tx, data.authorId)))
          throw UserErrors.unknownAuthor('input.authorId');
        const user = await this.users.create(tx, {
          email: data.email,
          name: data.name,
          role: data.role,
          passwordHash,
          authorId: data.authorId ?? null,
        });
        await this.audit.record(tx, actor, {
          action: 'user.created',
          entityType: 'User',
          entityId: user.id,
          details: { email: user.email, role: user.role, ...auditDetails },
        });
        return user;
      });
    } catch (error) {
      // Two creations racing past the check above meet at the unique index.
      if (isUniqueViolation(error)) throw UserErrors.emailTaken(data.email);
      throw error;
    }
  }

  /** A new password for the account with this email (the command-line way back in); ends its sessions. */
  async resetPassword(actor: Actor, data: ResetPasswordData, auditDetails: Record<string, unknown> = {}): Promise<User> {
    const user = await this.users.findByEmail(data.email);
    if (!user) throw UserErrors.noSuchEmail(data.email);
    return this.update(actor, { id: user.id, password: data.password }, auditDetails);
  }

  async update(actor: Actor, data: UpdateUserData, auditDetails: Record<string, unknown> = {}): Promise<User> {
    const passwordHash = data.password ? await hashPassword(data.password) : undefined;
    return this.transactions.run(async (tx) => {
      const current = await this.users.findById(data.id, tx);
      if (!current) throw UserErrors.notFound(data.id);
      const now = new Date();
      const { changes, details } = await this.changesOf(tx, current, data, now);
      if (passwordHash) {
        changes.passwordHash = passwordHash;
        details.password = 'changed';
      }
      if (Object.keys(details).length === 0) return current;
      await this.keepAnEnabledAdmin(tx, current, changes);
      const user = await this.users.update(tx, current.id, changes);
      // A disabled account or a new password must end every existing login, not just future ones.
      if (passwordHash || (changes.disabledAt && !current.disabledAt)) {
        details.sessionsRevoked = await this.users.revokeSessions(tx, current.id, now);
      }
      await this.audit.record(tx, actor, {
        action: 'user.updated',
        entityType: 'User',
        entityId: user.id,
        details: { ...details, ...auditDetails },
      });
      return user;
    });
  }

  private async changesOf(tx: Tx, current: User, data: UpdateUserData, now: Date) {
    const changes: Prisma.UserUncheckedUpdateInput = {};
    const details: Record<string, unknown> = {};
    if (data.name != null && data.name !== current.name) {
      changes.name = data.name;
      details.name = { from: current.name, to: data.name };
    }
    if (data.role != null && data.role !== current.role) {
      changes.role = data.role;
      details.role = { from: current.role, to: data.role };
    }
    if (data.disabled != null && data.disabled !== (current.disabledAt !== null)) {
      changes.disabledAt = data.disabled ? now : null;
      details.disabled = data.disabled;
    }
    if (data.authorId !== undefined && data.authorId !== current.authorId) {
      if (data.authorId && !(await this.users.authorExists(tx, data.authorId))) throw UserErrors.unknownAuthor('input.authorId');
      changes.authorId = data.authorId;
      details.authorId = { from: current.authorId, to: data.authorId };
    }
    return { changes, details };
  }

  // Demoting or disabling the last enabled admin would leave nobody able to manage accounts.
  private async keepAnEnabledAdmin(tx: Tx, current: User, changes: Prisma.UserUncheckedUpdateInput): Promise<void> {
    const wasEnabledAdmin = current.role === 'ADMIN' && current.disabledAt === null;
    const disabledAt = 'disabledAt' in changes ? changes.disabledAt : current.disabledAt;
    const staysEnabledAdmin = (changes.role ?? current.role) === 'ADMIN' && disabledAt === null;
    if (!wasEnabledAdmin || staysEnabledAdmin) return;
    if ((await this.users.countEnabledAdminsExcept(tx, current.id)) === 0) throw UserErrors.lastAdmin();
  }
}
