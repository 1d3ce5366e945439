import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import type { Section } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminSectionModel } from './admin/admin-section.model.js';
import { SectionEditorRepository } from './section-editor.repository.js';

@Injectable()
export class SectionEditorService extends TaxonomyEditor<Section, AdminSectionModel> {
  constructor(repository: SectionEditorRepository, transactions: TransactionRunner, audit: AuditService, events: DomainEvents) {
    super(repository, transactions, audit, events, { type: 'Section', toModel: AdminSectionModel.fromRow });
  }
}
