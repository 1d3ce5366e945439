import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueueMetrics } from './job-queue.metrics.js';
import { JobQueueService } from './job-queue.service.js';
import { JobRegistry } from './job-registry.js';
import { JobRunnerService } from './job-runner.service.js';
import { JobRepository } from './job.repository.js';

// Global: any feature may enqueue jobs and register handlers without importing this module.
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [JobRepository, JobRegistry, JobQueueService, JobRunnerService, JobQueueMetrics],
  exports: [JobQueueService, JobRegistry],
})
export class JobsModule {}
