import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { PartnerErrors } from './partner.exception.js';
import type { PartnerScope, RequestWithPartner } from './partner-scope.js';

// The partner a PartnerKeyGuard has authenticated; without the guard, UNAUTHENTICATED rather than undefined.
export const CurrentPartner = createParamDecorator((_data: unknown, context: ExecutionContext): PartnerScope => {
  const { partner } = GqlExecutionContext.create(context).getContext<PublicContext & { req: RequestWithPartner }>().req;
  if (!partner) throw PartnerErrors.keyRequired();
  return partner;
});
