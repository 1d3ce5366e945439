import { Module } from '@nestjs/common';
import { NewsletterModule } from '../newsletter.module.js';
import { NewsletterAdminResolver } from './newsletter-admin.resolver.js';

@Module({ imports: [NewsletterModule], providers: [NewsletterAdminResolver] })
export class NewsletterAdminModule {}
