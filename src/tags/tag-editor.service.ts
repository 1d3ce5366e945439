import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import type { Tag } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminTagModel } from './admin/admin-tag.model.js';
import { TagEditorRepository } from './tag-editor.repository.js';

@Injectable()
export class TagEditorService extends TaxonomyEditor<Tag, AdminTagModel> {
  constructor(repository: TagEditorRepository, transactions: TransactionRunner, audit: AuditService, events: DomainEvents) {
    super(repository, transactions, audit, events, { type: 'Tag', toModel: AdminTagModel.fromRow });
  }
}
