import { Module } from '@nestjs/common';
import { TagAdminRepository } from '../tag-admin.repository.js';
import { TagEditorService } from '../tag-editor.service.js';
import { TagAdminResolver } from './tag-admin.resolver.js';

@Module({ providers: [TagAdminRepository, TagEditorService, TagAdminResolver] })
export class TagsAdminModule {}
