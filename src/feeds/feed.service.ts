import { Inject, Injectable } from '@nestjs/common';
import type { ArticleListFilter } from '../articles/article-list.query.js';
import { ArticleRepository, type PublicArticleRow } from '../articles/article.repository.js';
import type { ResponseKeys } from '../cache/response-keys.js';
import { AuthorRepository } from '../authors/author.repository.js';
import { DomainError } from '../common/domain-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

import { ImageRepository } from '../media/image.repository.js';
import { SectionRepository } from '../sections/section.repository.js';
import { SeriesRepository } from '../series/series.repository.js';
import type { PartnerScope } from '../syndication/partners/partner-scope.js';
import { TagRepository } from '../tags/tag.repository.js';
import type { Feed } from './feed-item.js';
import { toFeed, toFeedItem, type FeedArticle, type FeedHeader } from './feed-item.mapper.js';

export type FeedKind = 'tags' | 'sections' | 'series' | 'authors';

/** What a feed is about: the whole site, or one tag, section, series or author by slug. */
export type FeedSubject = { kind: 'site' } | { kind: FeedKind; slug: string };

const FILTER_KEYS = { tags: 'tagSlug', sections: 'sectionSlug', series: 'seriesSlug', authors: 'authorSlug' } as const;
const SUBJECT_KEYS = { tags: 'tag', sections: 'section', series: 'series', authors: 'author' } as const;

// Builds the data of every feed; the controller only serialises and caches it. The repositories tag
// the response with what it shows (cache purging, Surrogate-Key). Items are published
// articles only (the repository's rule) and, for a partner, only those in its allowlists.
@Injectable()
export class FeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly articles: ArticleRepository,
    private readonly authors: AuthorRepository,
    private readonly tags: TagRepository,
    private readonly sections: SectionRepository,
    private readonly series: SeriesRepository,
    private readonly images: ImageRepository,
  ) {}

  async build(subject: FeedSubject, partner: PartnerScope | undefined, keys: ResponseKeys): Promise<Feed> {
    const header = await this.headerOf(subject, keys);
    const filter: ArticleListFilter = {
      ...(subject.kind === 'site' ? {} : { [FILTER_KEYS[subject.kind]]: subject.slug }),
      sectionIds: partner?.sectionIds,
      tagIds: partner?.tagIds,
    };
    const limit = this.config.feeds.itemLimit;
    const page = await this.articles.listPublished(filter, 'NEWEST', { direction: 'forward', limit, cursor: undefined }, keys);
    const entries = await this.withLinks(
      page.rows.slice(0, limit).map((row) => row.article),
      keys,
    );
    const fullText = partner ? partner.fullText : true;
    return toFeed(
      this.config.site,
      this.config.publication,
      header,
      entries.map((entry) => toFeedItem(this.config.site, entry, fullText)),
    );
  }

  private async headerOf(subject: FeedSubject, keys: ResponseKeys): Promise<FeedHeader> {
    const publisher = this.config.publication.name;
    if (subject.kind === 'site') {
      return { id: `${this.config.site.url}/`, title: publisher, description: `Latest articles from ${publisher}` };
    }
    const found = await this.findSubject(subject.kind, subject.slug, keys);
    if (!found) throw new DomainError('NOT_FOUND', `No ${SUBJECT_KEYS[subject.kind]} with slug "${subject.slug}"`);
    return {
      id: `urn:newsdesk:${SUBJECT_KEYS[subject.kind]}:${subject.slug}`,
      title: `${found.name} | ${publisher}`,
      description: `Latest articles on ${found.name} from ${publisher}`,
    };
  }

  private findSubject(kind: FeedKind, slug: string, keys: ResponseKeys): Promise<{ name: string } | null> {
    if (kind === 'tags') return this.tags.findVisibleBySlug(slug, keys);
    if (kind === 'sections') return this.sections.findVisibleBySlug(slug, keys);
    if (kind === 'series') return this.series.findVisibleBySlug(slug, keys);
    return this.authors.findVisibleBySlug(slug, keys);
  }

  // Four batched reads for the whole feed, whatever its length.
  private async withLinks(articles: PublicArticleRow[], keys: ResponseKeys): Promise<FeedArticle[]> {
    const ids = articles.map((article) => article.id);
    const [authors, tags, sections, images] = await Promise.all([
      this.authors.findVisibleByArticleIds(ids, keys),
      this.tags.findVisibleByArticleIds(ids, keys),
      this.sections.findVisibleByIds(presentIds(articles.map((a) => a.sectionId)), keys),
      this.images.findVisibleByIds(presentIds(articles.map((a) => a.featuredImageId)), keys),
    ]);
    const sectionById = new Map(sections.map((section) => [section.id, section]));
    const imageById = new Map(images.map((image) => [image.id, image]));
    return articles.map((article) => ({
      article,
      authors: authors.get(article.id) ?? [],
      tags: tags.get(article.id) ?? [],
      section: (article.sectionId && sectionById.get(article.sectionId)) || null,
      image: (article.featuredImageId && imageById.get(article.featuredImageId)) || null,
    }));
  }
}

function presentIds(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
