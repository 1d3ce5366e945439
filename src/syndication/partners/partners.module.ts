import { Module } from '@nestjs/common';
import { PartnerAccessService } from './partner-access.service.js';
import { PartnerRateLimiter } from './partner-rate-limiter.js';
import { PartnerRepository } from './partner.repository.js';
import { PartnerEditorService } from './partner-editor.service.js';

// One instance of each, shared by the middleware, the public GraphQL change feed and the admin API,
// so the in-memory rate window is the same for every route of this process.
const providers = [PartnerRepository, PartnerRateLimiter, PartnerAccessService, PartnerEditorService];

@Module({ providers, exports: providers })
export class PartnersModule {}
