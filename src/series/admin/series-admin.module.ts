import { Module } from '@nestjs/common';
import { SeriesAdminRepository } from '../series-admin.repository.js';
import { SeriesEditorService } from '../series-editor.service.js';
import { SeriesAdminResolver } from './series-admin.resolver.js';

@Module({ providers: [SeriesAdminRepository, SeriesEditorService, SeriesAdminResolver] })
export class SeriesAdminModule {}
