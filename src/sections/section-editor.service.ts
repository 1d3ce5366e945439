import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ResponseCachePurger } from '../cache/response-cache.purger.js';
import type { Section } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminSectionModel } from './admin/admin-section.model.js';
import { SectionAdminRepository } from './section-admin.repository.js';

@Injectable()
export class SectionEditorService extends TaxonomyEditor<Section, AdminSectionModel> {
  constructor(repository: SectionAdminRepository, audit: AuditService, cache: ResponseCachePurger) {
    super(repository, audit, cache, { type: 'Section', toModel: AdminSectionModel.fromRow });
  }
}
