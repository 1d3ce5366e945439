import { Module } from '@nestjs/common';
import { UsersModule } from '../users.module.js';
import { UserAdminResolver } from './user-admin.resolver.js';

@Module({ imports: [UsersModule], providers: [UserAdminResolver] })
export class UsersAdminModule {}
