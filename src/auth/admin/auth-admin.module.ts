import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials.module.js';
import { ApiTokenAdminResolver } from './api-token-admin.resolver.js';
import { SessionAdminResolver } from './session-admin.resolver.js';

@Module({ imports: [CredentialsModule], providers: [SessionAdminResolver, ApiTokenAdminResolver] })
export class AuthAdminModule {}
