import { Module } from '@nestjs/common';
import { InitialAdminService } from './initial-admin.service.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

@Module({
  providers: [UserRepository, UserService, InitialAdminService],
  exports: [UserRepository, UserService],
})
export class UsersModule {}
