import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { ArticleResolver } from '../articles/public/article.resolver.js';
import { AuthorsModule } from '../authors/authors.module.js';
import { AuthorResolver } from '../authors/public/author.resolver.js';
import { MediaModule } from '../media/media.module.js';
import { ImageResolver } from '../media/public/image.resolver.js';
import { NewsletterModule } from '../newsletter/newsletter.module.js';
import { NewsletterResolver } from '../newsletter/public/newsletter.resolver.js';
import { SectionResolver } from '../sections/public/section.resolver.js';
import { SectionsModule } from '../sections/sections.module.js';
import { SeriesResolver } from '../series/public/series.resolver.js';
import { SeriesModule } from '../series/series.module.js';
import { SyndicationChangeResolver } from '../syndication/changes/public/syndication-change.resolver.js';
import { ChangesModule } from '../syndication/changes/changes.module.js';
import { PartnersModule } from '../syndication/partners/partners.module.js';
import { TagResolver } from '../tags/public/tag.resolver.js';
import { TagsModule } from '../tags/tags.module.js';
import { NodeResolver } from './node/node.resolver.js';

// Everything the public /graphql schema is built from: public resolvers only. Admin resolvers live in
// their own module and endpoint, so no draft field can leak into this schema.
@Module({
  imports: [
    ArticlesModule,
    AuthorsModule,
    TagsModule,
    SectionsModule,
    SeriesModule,
    MediaModule,
    PartnersModule,
    ChangesModule,
    NewsletterModule,
  ],
  providers: [
    ArticleResolver,
    AuthorResolver,
    TagResolver,
    SectionResolver,
    SeriesResolver,
    NodeResolver,
    ImageResolver,
    SyndicationChangeResolver,
    NewsletterResolver,
  ],
})
export class PublicApiModule {}
