import { Module } from '@nestjs/common';
import { SectionAdminRepository } from '../section-admin.repository.js';
import { SectionEditorService } from '../section-editor.service.js';
import { SectionAdminResolver } from './section-admin.resolver.js';

@Module({ providers: [SectionAdminRepository, SectionEditorService, SectionAdminResolver] })
export class SectionsAdminModule {}
