import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import type { Series } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminSeriesModel } from './admin/admin-series.model.js';
import { SeriesEditorRepository } from './series-editor.repository.js';

@Injectable()
export class SeriesEditorService extends TaxonomyEditor<Series, AdminSeriesModel> {
  constructor(repository: SeriesEditorRepository, transactions: TransactionRunner, audit: AuditService, events: DomainEvents) {
    super(repository, transactions, audit, events, { type: 'Series', toModel: AdminSeriesModel.fromRow });
  }
}
