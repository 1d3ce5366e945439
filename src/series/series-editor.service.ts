import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Series } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminSeriesModel } from './admin/admin-series.model.js';
import { SeriesAdminRepository } from './series-admin.repository.js';

@Injectable()
export class SeriesEditorService extends TaxonomyEditor<Series, AdminSeriesModel> {
  constructor(repository: SeriesAdminRepository, audit: AuditService) {
    super(repository, audit, { type: 'Series', toModel: AdminSeriesModel.fromRow });
  }
}
