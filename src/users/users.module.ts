import { Module } from '@nestjs/common';
import { UserRepository } from './user.repository.js';
import { UserEditorService } from './user-editor.service.js';

@Module({
  providers: [UserRepository, UserEditorService],
  exports: [UserRepository, UserEditorService],
})
export class UsersModule {}
