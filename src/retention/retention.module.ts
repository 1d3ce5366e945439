import { Module } from '@nestjs/common';
import { RetentionJob } from './retention.job.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionService } from './retention.service.js';

// In both process roles: whichever process runs jobs next does the pruning.
@Module({ providers: [RetentionRepository, RetentionService, RetentionJob], exports: [RetentionService] })
export class RetentionModule {}
