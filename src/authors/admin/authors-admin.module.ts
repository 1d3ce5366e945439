import { Module } from '@nestjs/common';
import { AuthorEditorRepository } from '../author-editor.repository.js';
import { AuthorEditorService } from '../author-editor.service.js';
import { AuthorAdminResolver } from './author-admin.resolver.js';

@Module({ providers: [AuthorEditorRepository, AuthorEditorService, AuthorAdminResolver] })
export class AuthorsAdminModule {}
