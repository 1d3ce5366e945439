import { Module } from '@nestjs/common';
import { InitialAdminService } from './initial-admin.service.js';
import { UsersModule } from './users.module.js';

// Only the web app makes the first admin: a command-line tool opening an empty database (user:create)
// must create exactly the account it was asked for.
@Module({ imports: [UsersModule], providers: [InitialAdminService] })
export class InitialAdminModule {}
