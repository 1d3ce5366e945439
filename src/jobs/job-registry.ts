import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { JobHandler } from './job-handler.js';
import { JOB_PROCESSOR } from './job-processor.decorator.js';

// Every @JobProcessor() provider of the process, by job name. A handler exists in every process that
// imports its feature module (web app and worker alike), found by discovery before the runner starts
// (the runner claims from onApplicationBootstrap, after every onModuleInit).
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit() {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.isDependencyTreeStatic()) continue;
      if (this.reflector.get<boolean | undefined>(JOB_PROCESSOR, wrapper.metatype)) this.register(wrapper.instance as JobHandler);
    }
  }

  /** Public for tests, which add handlers of their own to a running app. */
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
