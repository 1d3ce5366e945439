import { Global, Module } from '@nestjs/common';
import { SharedRateLimiters } from './shared-rate-limiters.js';

@Global()
@Module({ providers: [SharedRateLimiters], exports: [SharedRateLimiters] })
export class RateLimitModule {}
