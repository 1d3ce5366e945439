import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ResponseCachePurger } from '../cache/response-cache.purger.js';
import type { Series } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminSeriesModel } from './admin/admin-series.model.js';
import { SeriesAdminRepository } from './series-admin.repository.js';

@Injectable()
export class SeriesEditorService extends TaxonomyEditor<Series, AdminSeriesModel> {
  constructor(repository: SeriesAdminRepository, audit: AuditService, cache: ResponseCachePurger) {
    super(repository, audit, cache, { type: 'Series', toModel: AdminSeriesModel.fromRow });
  }
}
