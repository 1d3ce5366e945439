import { Module } from '@nestjs/common';
import { ArticlesModule } from '../../articles/articles.module.js';
import { AuthorsModule } from '../../authors/authors.module.js';
import { MediaModule } from '../../media/media.module.js';
import { SectionsModule } from '../../sections/sections.module.js';
import { TagsModule } from '../../tags/tags.module.js';
import { ChangeFeedRepository } from './change-feed.repository.js';
import { ChangeFeedService } from './change-feed.service.js';
import { SyndicationArticleMapper } from './syndication-article.mapper.js';

const providers = [ChangeFeedRepository, ChangeFeedService, SyndicationArticleMapper];

@Module({ imports: [ArticlesModule, TagsModule, AuthorsModule, SectionsModule, MediaModule], providers, exports: providers })
export class ChangesModule {}
