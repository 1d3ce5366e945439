import { Module } from '@nestjs/common';
import { SeriesEditorRepository } from '../series-editor.repository.js';
import { SeriesEditorService } from '../series-editor.service.js';
import { SeriesAdminResolver } from './series-admin.resolver.js';

@Module({ providers: [SeriesEditorRepository, SeriesEditorService, SeriesAdminResolver] })
export class SeriesAdminModule {}
