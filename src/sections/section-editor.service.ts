import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Section } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminSectionModel } from './admin/admin-section.model.js';
import { SectionAdminRepository } from './section-admin.repository.js';

@Injectable()
export class SectionEditorService extends TaxonomyEditor<Section, AdminSectionModel> {
  constructor(repository: SectionAdminRepository, audit: AuditService) {
    super(repository, audit, { type: 'Section', toModel: AdminSectionModel.fromRow });
  }
}
