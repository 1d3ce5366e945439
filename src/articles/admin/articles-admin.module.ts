import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles.module.js';
import { ArticleAdminResolver } from './article-admin.resolver.js';
import { ArticleRevisionAdminResolver } from './article-revision-admin.resolver.js';

@Module({ imports: [ArticlesModule], providers: [ArticleAdminResolver, ArticleRevisionAdminResolver] })
export class ArticlesAdminModule {}
