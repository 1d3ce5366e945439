import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { PARTNER_KEY_HEADER } from '../../common/http/partner-key.js';
import { markPrivate } from '../../graphql-types/cache-policy.js';
import type { PublicContext } from '../../graphql-types/public-context.js';
import { PartnerAccessService } from './partner-access.service.js';
import { PartnerErrors } from './partner.exception.js';
import type { RequestWithPartner } from './partner-scope.js';

// A public GraphQL operation for partners only (@UseGuards(PartnerKeyGuard)): the key is checked before
// the arguments are parsed, so a caller without a valid key learns nothing but UNAUTHENTICATED.
// @CurrentPartner() then reads the partner. The /feeds and /syndication REST routes use PartnerMiddleware.
@Injectable()
export class PartnerKeyGuard implements CanActivate {
  constructor(private readonly access: PartnerAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ctx = GqlExecutionContext.create(context).getContext<PublicContext & { req: RequestWithPartner }>();
    // Per partner and always fresh: never in a shared cache.
    markPrivate(ctx);
    const key = ctx.req.headers[PARTNER_KEY_HEADER];
    if (typeof key !== 'string' || key === '') throw PartnerErrors.keyRequired();
    ctx.req.partner = await this.access.authenticate(key);
    return true;
  }
}
