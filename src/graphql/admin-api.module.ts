import { Module } from '@nestjs/common';
import { ArticlesAdminModule } from '../articles/admin/articles-admin.module.js';
import { AuditAdminModule } from '../audit/admin/audit-admin.module.js';
import { AuthAdminModule } from '../auth/admin/auth-admin.module.js';
import { AuthorsAdminModule } from '../authors/admin/authors-admin.module.js';
import { MediaAdminModule } from '../media/admin/media-admin.module.js';
import { NewsletterAdminModule } from '../newsletter/admin/newsletter-admin.module.js';
import { SectionsAdminModule } from '../sections/admin/sections-admin.module.js';
import { PartnersAdminModule } from '../syndication/partners/admin/partners-admin.module.js';
import { SeriesAdminModule } from '../series/admin/series-admin.module.js';
import { TagsAdminModule } from '../tags/admin/tags-admin.module.js';
import { UsersAdminModule } from '../users/admin/users-admin.module.js';
import { WebhooksAdminModule } from '../webhooks/admin/webhooks-admin.module.js';

// Everything the admin /admin/graphql schema is built from. Each feature contributes one admin module
// holding its admin resolvers; public resolvers never appear here and admin ones never in /graphql.
export const ADMIN_FEATURE_MODULES = [
  ArticlesAdminModule,
  AuditAdminModule,
  AuthAdminModule,
  UsersAdminModule,
  AuthorsAdminModule,
  TagsAdminModule,
  SectionsAdminModule,
  SeriesAdminModule,
  MediaAdminModule,
  PartnersAdminModule,
  WebhooksAdminModule,
  NewsletterAdminModule,
];

@Module({ imports: ADMIN_FEATURE_MODULES })
export class AdminApiModule {}
