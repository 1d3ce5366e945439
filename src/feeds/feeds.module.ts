import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { AuthorsModule } from '../authors/authors.module.js';
import { MediaModule } from '../media/media.module.js';
import { SectionsModule } from '../sections/sections.module.js';
import { SeriesModule } from '../series/series.module.js';
import { TagsModule } from '../tags/tags.module.js';
import { FeedBodyRepository } from './feed-body.repository.js';
import { FeedService } from './feed.service.js';
import { FeedsController } from './feeds.controller.js';
import { SitemapRepository } from './sitemaps/sitemap.repository.js';
import { SitemapService } from './sitemaps/sitemap.service.js';
import { SitemapsController } from './sitemaps/sitemaps.controller.js';

// RSS, Atom and JSON Feed under /feeds, and the sitemaps; read-only over published content.
@Module({
  imports: [ArticlesModule, AuthorsModule, TagsModule, SectionsModule, SeriesModule, MediaModule],
  controllers: [FeedsController, SitemapsController],
  providers: [FeedService, FeedBodyRepository, SitemapService, SitemapRepository],
  exports: [FeedService],
})
export class FeedsModule {}
