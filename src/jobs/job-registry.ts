import { Injectable } from '@nestjs/common';
import type { JobHandler } from './job-handler.js';

// Features register their handlers here from the handler provider's onModuleInit, so the jobs module
// knows no feature and a handler exists in every process that imports its feature module.
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.name)) throw new Error(`A handler for job "${handler.name}" is already registered`);
    this.handlers.set(handler.name, handler);
  }

  get(name: string): JobHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }
}
