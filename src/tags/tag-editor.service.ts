import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../events/domain-events.service.js';
import type { Tag } from '../generated/prisma/client.js';
import { TaxonomyEditor } from '../taxonomy/taxonomy-editor.service.js';
import { AdminTagModel } from './admin/admin-tag.model.js';
import { TagAdminRepository } from './tag-admin.repository.js';

@Injectable()
export class TagEditorService extends TaxonomyEditor<Tag, AdminTagModel> {
  constructor(repository: TagAdminRepository, audit: AuditService, events: DomainEvents) {
    super(repository, audit, events, { type: 'Tag', toModel: AdminTagModel.fromRow });
  }
}
