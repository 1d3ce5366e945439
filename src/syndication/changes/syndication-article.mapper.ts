import { Inject, Injectable } from '@nestjs/common';
import { renderBodyHtml } from '../../articles/body/article-body.renderer.js';
import type { ArticleBody } from '../../articles/body/article-body.schema.js';
import { deriveTeaser } from '../../articles/body/article-body.text.js';
import { AuthorRepository } from '../../authors/author.repository.js';
import { toGlobalId } from '../../common/global-id.js';
import { articleUrl } from '../../common/site-urls.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { PublicArticleRow as Article } from '../../articles/article.repository.js';
import { SectionRepository } from '../../sections/section.repository.js';
import { TagRepository } from '../../tags/tag.repository.js';
import { ResponseKeys } from '../../cache/response-keys.js';
import { BodyImagesService } from '../../media/body-images.service.js';

// The public JSON of an article on REST syndication routes: the fields of the public GraphQL Article
// with the same global ids, and the body only for full-text partners.
@Injectable()
export class SyndicationArticleMapper {
  constructor(
    private readonly tags: TagRepository,
    private readonly authors: AuthorRepository,
    private readonly sections: SectionRepository,
    private readonly bodyImages: BodyImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One query each for tags, bylines and sections, whatever the number of articles. */
  async toJson(articles: readonly Article[], fullText: boolean): Promise<Map<string, Record<string, unknown>>> {
    const ids = articles.map((article) => article.id);
    const sectionIds = [...new Set(articles.flatMap((article) => article.sectionId ?? []))];
    const bodies = fullText ? articles.map((article) => article.body as unknown as ArticleBody) : [];
    const [tags, authors, sections, images] = await Promise.all([
      this.tags.findVisibleByArticleIds(ids, ResponseKeys.none),
      this.authors.findVisibleByArticleIds(ids, ResponseKeys.none),
      this.sections.findVisibleByIds(sectionIds, ResponseKeys.none),
      this.bodyImages.forBodies(bodies, ResponseKeys.none),
    ]);
    const sectionById = new Map(sections.map((section) => [section.id, section]));
    const json = articles.map((article) => {
      const section = article.sectionId ? sectionById.get(article.sectionId) : undefined;
      const body = article.body as unknown as ArticleBody;
      return [
        article.id,
        {
          id: toGlobalId('Article', article.id),
          slug: article.slug,
          url: articleUrl(this.config.site, { slug: article.slug, sectionSlug: section?.slug }),
          headline: article.headline,
          dek: article.dek,
          type: article.type,
          teaser: article.teaser || deriveTeaser(body),
          publishedAt: article.publishedAt,
          updatedAt: article.updatedAt,
          canonicalUrl: article.canonicalUrl,
          section: section ? { id: toGlobalId('Section', section.id), slug: section.slug, name: section.name } : null,
          tags: (tags.get(article.id) ?? []).map((tag) => ({ id: toGlobalId('Tag', tag.id), slug: tag.slug, name: tag.name })),
          authors: (authors.get(article.id) ?? []).map((author) => ({ id: toGlobalId('Author', author.id), name: author.name })),
          ...(fullText ? { body, bodyHtml: renderBodyHtml(body, { images }) } : {}),
        },
      ] as const;
    });
    return new Map(json);
  }
}
