import { Module } from '@nestjs/common';
import { ArticleRepository } from './article.repository.js';
import { ArticleQueryService } from './article-query.service.js';

@Module({
  providers: [ArticleRepository, ArticleQueryService],
  exports: [ArticleRepository, ArticleQueryService],
})
export class ArticlesModule {}
