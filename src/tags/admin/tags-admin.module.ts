import { Module } from '@nestjs/common';
import { TagEditorRepository } from '../tag-editor.repository.js';
import { TagEditorService } from '../tag-editor.service.js';
import { TagAdminResolver } from './tag-admin.resolver.js';

@Module({ providers: [TagEditorRepository, TagEditorService, TagAdminResolver] })
export class TagsAdminModule {}
