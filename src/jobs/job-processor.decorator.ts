import { SetMetadata } from '@nestjs/common';

export const JOB_PROCESSOR = Symbol('jobProcessor');

/**
 * Marks a provider (implementing JobHandler) as the handler of its kind of job. The registry finds
 * every such provider by discovery at start-up, as DomainEvents finds @OnContentChange subscribers,
 * so a handler cannot forget to register itself and the jobs module knows no feature.
 */
export const JobProcessor = (): ClassDecorator => SetMetadata(JOB_PROCESSOR, true);
