import { Module } from '@nestjs/common';
import { AuditAdminResolver } from './audit-admin.resolver.js';

@Module({ providers: [AuditAdminResolver] })
export class AuditAdminModule {}
