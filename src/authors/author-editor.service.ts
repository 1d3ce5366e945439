import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import { DomainError } from '../common/domain-error.js';
import type { Author } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import type { TaxonomyData } from '../taxonomy/taxonomy.repository.js';
import type { Tx } from '../database/tx.js';
import { AdminAuthorModel } from './admin/admin-author.model.js';
import { AuthorEditorRepository } from './author-editor.repository.js';

@Injectable()
export class AuthorEditorService extends TaxonomyEditor<Author, AdminAuthorModel> {
  constructor(
    private readonly authors: AuthorEditorRepository,
    transactions: TransactionRunner,
    audit: AuditService,
    events: DomainEvents,
  ) {
    super(authors, transactions, audit, events, { type: 'Author', toModel: AdminAuthorModel.fromRow });
  }

  protected override async checkReferences(tx: Tx, data: TaxonomyData): Promise<void> {
    if (typeof data.avatarId !== 'string' || (await this.authors.imageExists(tx, data.avatarId))) return;
    throw DomainError.badInput([{ path: 'input.avatarImageId', message: 'no such image (or it is in the trash)' }]);
  }
}
