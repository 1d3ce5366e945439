import { Inject, Injectable } from '@nestjs/common';
import { ArticleQueryService } from '../articles/article-query.service.js';
import type { ArticleListFilter } from '../articles/article-list.query.js';
import type { PublicArticle } from '../articles/public-article.js';
import { AuthorQueryService } from '../authors/author-query.service.js';
import { FeedErrors } from './feed.exception.js';
import type { ResponseKeys } from '../common/response-keys.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ROW_ID } from '../database/projection/projection.js';
import { Selection } from '../database/projection/selection.js';
import { toFeedImage } from './feed-image.mapper.js';
import { MediaUrls } from '../media/renditions/media-urls.js';
import { SectionQueryService } from '../sections/section-query.service.js';
import { SeriesQueryService } from '../series/series-query.service.js';
import type { PartnerScope } from '../syndication/partners/partner-scope.js';
import { TagQueryService } from '../tags/tag-query.service.js';
import { FeedBodyRepository } from './feed-body.repository.js';
import { feedEtag } from './feed-etag.js';
import type { Feed, FeedFormat } from './feed-item.js';
import { toFeed, toFeedItem, type FeedHeader } from './feed-item.mapper.js';

export type FeedKind = 'tags' | 'sections' | 'series' | 'authors';

/** What a feed is about: the whole site, or one tag, section, series or author by slug. */
export type FeedSubject = { kind: 'site' } | { kind: FeedKind; slug: string };

/** What a conditional GET compares: the feed's ETag and newest update, known without its bodies. */
export interface FeedValidators {
  readonly etag: string;
  readonly lastModified: Date | null;
}

const idsOf = (articles: readonly PublicArticle[]) => articles.map((article) => article[ROW_ID]);

const FILTER_KEYS = { tags: 'tagSlug', sections: 'sectionSlug', series: 'seriesSlug', authors: 'authorSlug' } as const;
const SUBJECT_KEYS = { tags: 'tag', sections: 'section', series: 'series', authors: 'author' } as const;

const NAME = Selection.of(['name']);

// Feed items: the public article's fields a feed item shows (toFeedItem, toFeedImage), with the image's
// content type that media:content announces, and the section, which partners' allowlists filter on, so
// the response stays tagged with it. Not the whole partner shape: dek, SEO fields, series and the rest
// are nothing a feed writes. Never the body blocks: feeds do not show them. The stored HTML is read
// apart (`build`).
const ITEM = Selection.of(['id', 'headline', 'url', 'publishedAt', 'updatedAt', 'teaser', 'language'], {
  authors: NAME,
  tags: Selection.of(['slug', 'name']),
  section: NAME,
  featuredImage: Selection.of(['url', 'width', 'height', 'caption', 'credit', 'contentType']),
});

// Builds the data of every feed; the controller only serialises and caches it. One statement reads
// the items with everything they show, and tags the response with it (cache purging,
// Surrogate-Key). Items are published articles only and, for a partner, only those in its allowlists.
@Injectable()
export class FeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly articles: ArticleQueryService,
    private readonly authors: AuthorQueryService,
    private readonly tags: TagQueryService,
    private readonly sections: SectionQueryService,
    private readonly series: SeriesQueryService,
    private readonly urls: MediaUrls,
    private readonly bodies: FeedBodyRepository,
  ) {}

  /**
   * Items are read without their bodies, as `validators` reads them, and a full-text feed's bodies
   * apart: for RSS and Atom as stored, escaped for XML. The ETag comes with it, from the stored digests.
   */
  async build(
    subject: FeedSubject,
    partner: PartnerScope | undefined,
    format: FeedFormat,
    keys: ResponseKeys,
  ): Promise<{ feed: Feed; etag: string }> {
    const fullText = partner ? partner.fullText : true;
    const { feed, articles } = await this.read(subject, partner, keys);
    if (!fullText) return { feed, etag: feedEtag(feed, format, []) };
    const bodies = await this.bodies.bodies(idsOf(articles), format === 'json' ? 'html' : 'xml', keys);
    const found = articles.map((article) => bodies.get(article[ROW_ID]));
    const items = feed.items.map((item, index) => ({
      ...item,
      contentHtml: found[index]?.html ?? null,
      contentXml: found[index]?.xml ?? null,
    }));
    const built = { ...feed, items };
    return {
      feed: built,
      etag: feedEtag(
        built,
        format,
        found.map((body) => body?.digest ?? null),
      ),
    };
  }

  /**
   * The ETag and Last-Modified of the feed `build` would return, from the same items read without
   * their bodies plus a digest of each body: what a reader polling with If-None-Match costs.
   */
  async validators(
    subject: FeedSubject,
    partner: PartnerScope | undefined,
    format: FeedFormat,
    keys: ResponseKeys,
  ): Promise<FeedValidators> {
    const fullText = partner ? partner.fullText : true;
    const { feed, articles } = await this.read(subject, partner, keys);
    const digests = fullText ? await this.bodies.digests(idsOf(articles), keys) : undefined;
    const bodyDigests = articles.map((article) => (digests ? (digests.get(article[ROW_ID]) ?? null) : null));
    return { etag: feedEtag(feed, format, bodyDigests), lastModified: feed.updatedAt };
  }

  // The items without bodies (contentHtml null); `build` adds them.
  private async read(subject: FeedSubject, partner: PartnerScope | undefined, keys: ResponseKeys) {
    const header = await this.headerOf(subject, keys);
    const filter: ArticleListFilter = {
      ...(subject.kind === 'site' ? {} : { [FILTER_KEYS[subject.kind]]: subject.slug }),
      sectionIds: partner?.sectionIds,
      tagIds: partner?.tagIds,
    };
    const rows = await this.articles.latest(filter, this.config.feeds.itemLimit, ITEM, keys);
    const articles = rows as PublicArticle[];
    const items = articles.map((article) => {
      const image = article.featuredImage ? toFeedImage(article.featuredImage, this.urls) : null;
      return toFeedItem(article, false, image);
    });
    return { feed: toFeed(this.config.site, this.config.publication, header, items), articles };
  }

  private async headerOf(subject: FeedSubject, keys: ResponseKeys): Promise<FeedHeader> {
    const publisher = this.config.publication.name;
    if (subject.kind === 'site') {
      return { id: `${this.config.site.url}/`, title: publisher, description: `Latest articles from ${publisher}` };
    }
    const found = await this.findSubject(subject.kind, subject.slug, keys);
    if (!found) throw FeedErrors.subjectNotFound(SUBJECT_KEYS[subject.kind], subject.slug);
    const name = found.name as string;
    return {
      id: `urn:newsdesk:${SUBJECT_KEYS[subject.kind]}:${subject.slug}`,
      title: `${name} | ${publisher}`,
      description: `Latest articles on ${name} from ${publisher}`,
    };
  }

  private findSubject(kind: FeedKind, slug: string, keys: ResponseKeys) {
    const queries = { tags: this.tags, sections: this.sections, series: this.series, authors: this.authors }[kind];
    return queries.findBySlug(slug, NAME, keys);
  }
}
