import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners.module.js';
import { PartnerAdminResolver } from './partner-admin.resolver.js';

@Module({ imports: [PartnersModule], providers: [PartnerAdminResolver] })
export class PartnersAdminModule {}
