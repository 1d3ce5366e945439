import { MediaModule } from '../../media/media.module.js';
import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles.module.js';
import { AdminArticleFieldsResolver } from './admin-article-fields.resolver.js';
import { ArticleAdminResolver } from './article-admin.resolver.js';
import { ArticleReferencesRepository } from './article-references.repository.js';
import { ArticleRevisionAdminResolver } from './article-revision-admin.resolver.js';

@Module({
  imports: [ArticlesModule, MediaModule],
  providers: [ArticleAdminResolver, ArticleRevisionAdminResolver, AdminArticleFieldsResolver, ArticleReferencesRepository],
})
export class ArticlesAdminModule {}
