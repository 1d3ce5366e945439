import { Inject, Injectable } from '@nestjs/common';
import { ArticleRepository } from '../../articles/article.repository.js';
import type { ArticleBody } from '../../articles/body/article-body.schema.js';
import { deriveTeaser } from '../../articles/body/article-body.text.js';
import { toGlobalId } from '../../common/global-id.js';
import { articleUrl } from '../../common/site-urls.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

// More than a mail can usefully hold; a bigger range should be split.
export const ROUNDUP_ARTICLE_LIMIT = 300;

export interface RoundupArticle {
  id: string;
  headline: string;
  dek: string | null;
  teaser: string | null;
  url: string;
  publishedAt: Date;
  authors: string[];
}

export interface RoundupSection {
  /** Null for articles without a (live) section. */
  id: string | null;
  name: string;
  articles: RoundupArticle[];
}

type Row = Awaited<ReturnType<ArticleRepository['findPublishedBetween']>>[number];

const NO_SECTION = 'More stories';

// The data of a "weekly round-up" mail: published articles of a range, grouped by section in the
// sections' display order (articles without a section last), newest first within each.
@Injectable()
export class NewsletterRoundupService {
  constructor(
    private readonly articles: ArticleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(from: Date, to: Date): Promise<RoundupSection[]> {
    const rows = await this.articles.findPublishedBetween(from, to, ROUNDUP_ARTICLE_LIMIT);
    const groups = new Map<string | null, { position: number; section: RoundupSection }>();
    for (const row of rows) {
      const section = row.section && !row.section.deletedAt ? row.section : null;
      const key = section?.id ?? null;
      let group = groups.get(key);
      if (!group) {
        group = {
          position: section ? section.position : Number.POSITIVE_INFINITY,
          section: { id: section ? toGlobalId('Section', section.id) : null, name: section?.name ?? NO_SECTION, articles: [] },
        };
        groups.set(key, group);
      }
      group.section.articles.push(this.toArticle(row, section?.slug));
    }
    return [...groups.values()]
      .sort((a, b) => a.position - b.position || a.section.name.localeCompare(b.section.name))
      .map((group) => group.section);
  }

  private toArticle(row: Row, sectionSlug: string | undefined): RoundupArticle {
    return {
      id: toGlobalId('Article', row.id),
      headline: row.headline,
      dek: row.dek,
      teaser: row.teaser || deriveTeaser(row.body as unknown as ArticleBody),
      url: articleUrl(this.config.site, { slug: row.slug, sectionSlug }),
      publishedAt: row.publishedAt!,
      authors: row.authors.filter((link) => !link.author.deletedAt).map((link) => link.author.name),
    };
  }
}
