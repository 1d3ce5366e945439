import { Module } from '@nestjs/common';
import { AUTHOR_PROJECTION } from '../authors/author.projection.js';
import { AuthorsModule } from '../authors/authors.module.js';
import type { EntityProjection } from '../database/projection/projection.js';
import { IMAGE_PROJECTION } from '../media/image.projection.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MediaModule } from '../media/media.module.js';
import { SectionsModule } from '../sections/sections.module.js';
import { SeriesModule } from '../series/series.module.js';
import { TagsModule } from '../tags/tags.module.js';
import { articleProjection } from './article.projection.js';
import { ARTICLE_PROJECTION, ArticleRepository } from './article.repository.js';
import { ArticleQueryService } from './article-query.service.js';
import { ArticleEditorQueryService } from './admin/article-editor-query.service.js';
import { ArticleEditorRepository } from './editing/article-editor.repository.js';
import { ArticleLinksRepository } from './editing/article-links.repository.js';
import { ArticleReferencesRepository } from './editing/article-references.repository.js';
import { ArticleRevisionRepository } from './editing/article-revision.repository.js';
import { StoredEmbedsRepository } from './editing/stored-embeds.repository.js';
import { ArticleEditorService } from './editing/article-editor.service.js';
import { ArticleHistoryService } from './editing/article-history.service.js';
import { ArticleRevisionService } from './editing/article-revision.service.js';
import { ArticleScheduleService } from './editing/article-schedule.service.js';
import { ArticlePublishingService } from './editing/article-publishing.service.js';
import { ArticleCacheSubscriber } from './article-cache.subscriber.js';
import { ArticleDerivationRepository } from './derivation/article-derivation.repository.js';
import { ArticleDerivationService } from './derivation/article-derivation.service.js';
import { StoredEmbedsService } from './editing/stored-embeds.service.js';
import { PublishScheduledArticleJob } from './jobs/publish-scheduled-article.job.js';
import { RederiveArticlesJob } from './jobs/rederive-articles.job.js';
import { SanitizeStoredEmbedsJob } from './jobs/sanitize-stored-embeds.job.js';
import { ArticlePreviewService } from './preview/article-preview.service.js';
import { BodyImagesService } from './body/body-images.service.js';

const services = [
  ArticleRepository,
  ArticleQueryService,
  ArticleEditorRepository,
  ArticleLinksRepository,
  ArticleReferencesRepository,
  ArticleRevisionRepository,
  ArticleEditorService,
  ArticlePublishingService,
  ArticleHistoryService,
  ArticleRevisionService,
  ArticleScheduleService,
  ArticleEditorQueryService,
  ArticlePreviewService,
  ArticleDerivationRepository,
  ArticleDerivationService,
  BodyImagesService,
];

const projection = {
  provide: ARTICLE_PROJECTION,
  inject: [APP_CONFIG, AUTHOR_PROJECTION, IMAGE_PROJECTION],
  useFactory: (config: AppConfig, author: EntityProjection, image: EntityProjection) =>
    articleProjection(config, { author, image }),
};

// The job handlers register themselves with the queue; nothing else calls them.
@Module({
  imports: [AuthorsModule, TagsModule, SectionsModule, SeriesModule, MediaModule],
  providers: [
    ...services,
    projection,
    StoredEmbedsRepository,
    StoredEmbedsService,
    ArticleCacheSubscriber,
    PublishScheduledArticleJob,
    RederiveArticlesJob,
    SanitizeStoredEmbedsJob,
  ],
  exports: services,
})
export class ArticlesModule {}
