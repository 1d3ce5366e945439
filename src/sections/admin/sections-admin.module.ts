import { Module } from '@nestjs/common';
import { SectionEditorRepository } from '../section-editor.repository.js';
import { SectionEditorService } from '../section-editor.service.js';
import { SectionAdminResolver } from './section-admin.resolver.js';

@Module({ providers: [SectionEditorRepository, SectionEditorService, SectionAdminResolver] })
export class SectionsAdminModule {}
