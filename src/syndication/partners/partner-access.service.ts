import { Injectable } from '@nestjs/common';
import type { Partner } from '../../generated/prisma/client.js';
import { hashToken } from '../../auth/token-hash.js';
import { PartnerErrors } from './partner.exception.js';
import { PartnerRateLimiter } from './partner-rate-limiter.js';
import { PartnerRepository } from './partner.repository.js';
import type { PartnerScope } from './partner-scope.js';

// Keys are long random strings; anything much longer is not one of ours and is refused unhashed.
const MAX_KEY_LENGTH = 200;

// Turns a presented partner key into the partner's scope: used by the /feeds and /syndication
// middleware and by the public GraphQL change feed.
@Injectable()
export class PartnerAccessService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly limiter: PartnerRateLimiter,
  ) {}

  /** Throws UNAUTHENTICATED for an unknown or disabled key, RATE_LIMITED over the limit. */
  async authenticate(key: string): Promise<PartnerScope> {
    const partner = key.length <= MAX_KEY_LENGTH ? await this.partners.findByKeyHash(hashToken(key)) : null;
    if (!partner?.enabled) throw PartnerErrors.invalidKey();
    const retryAfter = await this.limiter.take(partner.id, partner.rateLimitPerMinute);
    if (retryAfter > 0) throw PartnerErrors.rateLimited(retryAfter);
    await this.partners.recordPull(partner.id);
    return toScope(partner);
  }
}

export function toScope(partner: Partner): PartnerScope {
  return {
    partnerId: partner.id,
    name: partner.name,
    sectionIds: partner.sectionIds,
    tagIds: partner.tagIds,
    fullText: partner.fullText,
  };
}
