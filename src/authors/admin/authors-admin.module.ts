import { Module } from '@nestjs/common';
import { AuthorAdminRepository } from '../author-admin.repository.js';
import { AuthorEditorService } from '../author-editor.service.js';
import { AuthorAdminResolver } from './author-admin.resolver.js';

@Module({ providers: [AuthorAdminRepository, AuthorEditorService, AuthorAdminResolver] })
export class AuthorsAdminModule {}
