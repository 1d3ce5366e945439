import { Injectable } from '@nestjs/common';
import { ArticleQueryService } from '../../articles/article-query.service.js';
import type { PublicArticle, PublicRef } from '../../articles/public-article.js';
import { ResponseKeys } from '../../common/response-keys.js';
import { Selection } from '../../database/projection/selection.js';

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

// What a round-up shows of each article, in the public shape (articles/public-article.ts).
const ROUNDUP_ARTICLE = Selection.of(['headline', 'dek', 'teaser', 'url', 'publishedAt'], {
  authors: Selection.of(['name']),
  section: Selection.of(['name', 'position']),
});

const NO_SECTION = 'More stories';

// The data of a "weekly round-up" mail: published articles of a range, grouped by section in the
// sections' display order (articles without a section last), newest first within each.
@Injectable()
export class NewsletterRoundupService {
  constructor(private readonly articles: ArticleQueryService) {}

  async build(from: Date, to: Date): Promise<RoundupSection[]> {
    const rows = await this.articles.publishedBetween(from, to, ROUNDUP_ARTICLE_LIMIT, ROUNDUP_ARTICLE, ResponseKeys.none);
    const groups = new Map<string | null, { position: number; section: RoundupSection }>();
    for (const row of rows as PublicArticle[]) {
      const section = row.section as (PublicRef & { position: number }) | null;
      const key = section?.id ?? null;
      let group = groups.get(key);
      if (!group) {
        group = {
          position: section ? section.position : Number.POSITIVE_INFINITY,
          section: { id: key, name: section?.name ?? NO_SECTION, articles: [] },
        };
        groups.set(key, group);
      }
      group.section.articles.push(toRoundupArticle(row));
    }
    return [...groups.values()]
      .sort((a, b) => a.position - b.position || a.section.name.localeCompare(b.section.name))
      .map((group) => group.section);
  }
}

function toRoundupArticle(row: PublicArticle): RoundupArticle {
  return {
    id: row.id,
    headline: row.headline,
    dek: row.dek,
    teaser: row.teaser,
    url: row.url,
    publishedAt: new Date(row.publishedAt),
    authors: row.authors.map((author) => author.name),
  };
}
