import { Module } from '@nestjs/common';
import { ArticleRepository } from './article.repository.js';
import { ArticleQueryService } from './article-query.service.js';
import { ArticleAdminQueryService } from './editing/article-admin-query.service.js';
import { ArticleEditorRepository } from './editing/article-editor.repository.js';
import { ArticleEditorService } from './editing/article-editor.service.js';
import { ArticleHistoryService } from './editing/article-history.service.js';
import { ArticleRevisionService } from './editing/article-revision.service.js';
import { ArticleScheduleService } from './editing/article-schedule.service.js';
import { ArticleWorkflowService } from './editing/article-workflow.service.js';
import { StoredEmbedsService } from './editing/stored-embeds.service.js';
import { PublishScheduledArticleJob } from './jobs/publish-scheduled-article.job.js';
import { SanitizeStoredEmbedsJob } from './jobs/sanitize-stored-embeds.job.js';
import { ArticlePreviewService } from './preview/article-preview.service.js';

const services = [
  ArticleRepository,
  ArticleQueryService,
  ArticleEditorRepository,
  ArticleEditorService,
  ArticleWorkflowService,
  ArticleHistoryService,
  ArticleRevisionService,
  ArticleScheduleService,
  ArticleAdminQueryService,
  ArticlePreviewService,
];

// The job handlers register themselves with the queue; nothing else calls them.
@Module({ providers: [...services, StoredEmbedsService, PublishScheduledArticleJob, SanitizeStoredEmbedsJob], exports: services })
export class ArticlesModule {}
