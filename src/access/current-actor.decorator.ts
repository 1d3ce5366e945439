import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from './actor.js';
import { actorHolderOf } from './request-actor.js';
import { requireActor } from './roles.js';

// The checked caller of an operation that @Requires a role. The guard has already refused anonymous
// callers; requireActor only turns "cannot happen" into UNAUTHENTICATED rather than a null deep down.
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor =>
  requireActor(actorHolderOf(context).actor),
);
