import { Module } from '@nestjs/common';
import { AuditAdminModule } from '../audit/admin/audit-admin.module.js';

// Everything the admin /admin/graphql schema is built from. Each feature contributes one admin module
// holding its admin resolvers; public resolvers never appear here and admin ones never in /graphql.
export const ADMIN_FEATURE_MODULES = [AuditAdminModule];

@Module({ imports: ADMIN_FEATURE_MODULES })
export class AdminApiModule {}
