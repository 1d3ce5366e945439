import { TransactionRunner } from '../../database/transaction-runner.js';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Actor } from '../../access/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { ArticleErrors } from '../article.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AppKeys } from '../../config/app-secret.js';
import { assertCanView } from '../editing/article-access.policy.js';
import { ArticleEditorRepository } from '../editing/article-editor.repository.js';
import { AuthorQueryService } from '../../authors/author-query.service.js';
import { toGlobalId } from '../../common/global-id.js';
import { ResponseKeys } from '../../common/response-keys.js';
import { articleUrl, previewUrl } from '../../common/site-urls.js';
import { NODE_TYPE, ROW_ID, type ProjectedRow } from '../../database/projection/projection.js';
import { Selection } from '../../database/projection/selection.js';
import type { Article } from '../../generated/prisma/client.js';
import { BodyImagesService } from '../body/body-images.service.js';
import { ImageRepository } from '../../media/image.repository.js';
import { SectionQueryService } from '../../sections/section-query.service.js';
import { SeriesQueryService } from '../../series/series-query.service.js';
import { TagQueryService } from '../../tags/tag-query.service.js';
import { deriveArticleFields } from '../derivation/article-derivation.js';
import type { ArticleContent } from '../editing/article-content.js';

const AUDIENCE = 'newsdesk-preview';
// The label and URL need the section's name and slug, whatever the selection.
const SECTION_NAME = Selection.of(['name', 'slug']);

// Preview links: a signed, expiring token naming ONE article. The public API shows that article's
// working copy (a draft, or a live article's pending changes) to whoever holds it, and nothing else.
@Injectable()
export class ArticlePreviewService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly articles: ArticleEditorRepository,
    private readonly audit: AuditService,
    private readonly keys: AppKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authors: AuthorQueryService,
    private readonly tags: TagQueryService,
    private readonly sections: SectionQueryService,
    private readonly series: SeriesQueryService,
    private readonly images: ImageRepository,
    private readonly bodyImages: BodyImagesService,
  ) {}

  async mint(
    actor: Actor,
    articleId: string,
    ttlSeconds?: number | null,
  ): Promise<{ token: string; expiresAt: Date; previewUrl: string | null }> {
    const article = await this.articles.findById(articleId);
    if (!article || article.deletedAt) throw ArticleErrors.notFound();
    assertCanView(actor, article);
    const expiresAt = new Date(Date.now() + (ttlSeconds ?? this.config.auth.previewTokenTtlSeconds) * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(article.id)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.keys.previewToken);
    await this.transactions.run((tx) =>
      this.audit.record(tx, actor, {
        action: 'article.preview_token_created',
        entityType: 'Article',
        entityId: article.id,
        details: { expiresAt: expiresAt.toISOString() },
      }),
    );
    // The working copy's slug: the one the front-end will ask the public API for.
    const { slug } = await this.articles.workingContent(article);
    return { token, expiresAt, previewUrl: previewUrl(this.config.site, { slug, token }) };
  }

  /**
   * The working copy of the token's article when `slug` names it, in the public shape `selection` asks
   * for; a bad token is an error. Unpublished content is derived here, on the read, as the write would.
   */
  async open(token: string, slug: string, selection: Selection): Promise<ProjectedRow | null> {
    const articleId = await this.verify(token);
    const article = await this.articles.findById(articleId);
    if (!article || article.deletedAt) return null;
    const content = await this.articles.workingContent(article);
    if (slug !== content.slug && slug !== article.slug) return null;
    return this.publicShape(article, content, selection);
  }

  private async publicShape(article: Article, content: ArticleContent, selection: Selection): Promise<ProjectedRow> {
    const none = ResponseKeys.none;
    const part = (field: string) => selection.child(field) ?? Selection.EMPTY;
    const [authors, tags, [section], [series], [featuredImage]] = await Promise.all([
      this.authors.findByIds(content.authorIds, part('authors'), none),
      this.tags.findByIds(content.tagIds, part('tags'), none),
      this.sections.findByIds(content.sectionId ? [content.sectionId] : [], part('section').merge(SECTION_NAME), none),
      this.series.findByIds(content.seriesId ? [content.seriesId] : [], part('series'), none),
      this.images.findVisibleByIds(content.featuredImageId ? [content.featuredImageId] : [], part('featuredImage'), none),
    ]);
    const images = await this.bodyImages.forBodies([content.body]);
    const derived = deriveArticleFields(
      content,
      { sectionName: (section?.name as string | undefined) ?? null, images },
      this.config,
    );
    const sectionSlug = section?.slug as string | undefined;
    return {
      [ROW_ID]: article.id,
      [NODE_TYPE]: 'Article',
      id: toGlobalId('Article', article.id),
      // The publicAsIs fields (and slug, body) as stored; the ones the public reads differently below.
      ...content,
      language: content.language ?? this.config.publication.language,
      teaser: derived.displayTeaser,
      label: derived.displayLabel,
      bodyHtml: derived.bodyHtml,
      wordCount: derived.wordCount,
      readingTimeMinutes: derived.readingTimeMinutes,
      url: articleUrl(this.config.site, { slug: content.slug, sectionSlug }),
      publishedAt: (article.publishedAt ?? article.scheduledAt ?? article.updatedAt).toISOString(),
      updatedAt: article.updatedAt.toISOString(),
      authors,
      tags,
      section: section ?? null,
      series: series ?? null,
      featuredImage: featuredImage ?? null,
    };
  }

  private async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.keys.previewToken, { audience: AUDIENCE, algorithms: ['HS256'] });
      if (typeof payload.sub === 'string') return payload.sub;
    } catch (error) {
      if (!(error instanceof errors.JOSEError)) throw error;
    }
    throw ArticleErrors.invalidPreviewToken();
  }
}
