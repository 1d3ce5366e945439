import type { AppConfig } from '../config/app-config.js';
import { column, timeColumn, type ColumnSql, type EntityProjection } from '../database/projection/projection.js';
import { Prisma } from '../generated/prisma/client.js';
import { SECTION_PROJECTION } from '../sections/section.projection.js';
import { SERIES_PROJECTION } from '../series/series.projection.js';
import { TAG_PROJECTION } from '../tags/tag.projection.js';
import { publishedSql } from './article-visibility.js';

// The absolute URL on the publisher's site, as common/site-urls.ts articleUrl() builds it: the pattern's
// {slug} and {section} filled in (slugs are URL-safe by construction), "news" without a visible section.
function urlSql(site: AppConfig['site']): ColumnSql {
  const pattern = site.articleUrlPattern.startsWith('/') ? site.articleUrlPattern : `/${site.articleUrlPattern}`;
  const parts = pattern.split(/(\{slug\}|\{section\})/).filter((part) => part !== '');
  return (alias) => {
    const a = Prisma.raw(alias);
    const pieces = parts.map((part) => {
      if (part === '{slug}') return Prisma.sql`${a}.slug`;
      if (part === '{section}') {
        return Prisma.sql`coalesce((SELECT s.slug FROM sections s WHERE s.id = ${a}.section_id AND s.deleted_at IS NULL), 'news')`;
      }
      return Prisma.sql`${part}::text`;
    });
    return Prisma.sql`concat(${site.url}::text, ${Prisma.join(pieces, ', ')})`;
  };
}

/**
 * The public Article type as PostgreSQL builds it (see database/projection). Every value is stored
 * or a lookup: the teaser, label and body HTML were derived when the article was written.
 */
export function articleProjection(
  { site, publication }: Pick<AppConfig, 'site' | 'publication'>,
  related: { author: EntityProjection; image: EntityProjection },
): EntityProjection {
  return {
    nodeType: 'Article',
    table: 'articles',
    visible: publishedSql,
    columns: {
      slug: column('slug'),
      headline: column('headline'),
      dek: column('dek'),
      type: column('type'),
      label: column('display_label'),
      teaser: column('display_teaser'),
      body: column('body'),
      bodyHtml: (alias) => Prisma.sql`coalesce(${Prisma.raw(alias)}.body_html, '')`,
      url: urlSql(site),
      publishedAt: timeColumn('published_at'),
      // When the public version last changed, not the row: unpublished edits move only updated_at.
      updatedAt: timeColumn('public_updated_at'),
      wordCount: column('word_count'),
      readingTimeMinutes: column('reading_time_minutes'),
      seoTitle: column('seo_title'),
      seoDescription: column('seo_description'),
      canonicalUrl: column('canonical_url'),
      // The article's own language, else the publication's.
      language: (alias) => Prisma.sql`coalesce(${Prisma.raw(alias)}.language, ${publication.language}::text)`,
    },
    relations: {
      authors: {
        kind: 'many',
        target: () => related.author,
        link: { table: 'article_authors', ownerColumn: 'article_id', targetColumn: 'author_id', orderColumn: 'position' },
      },
      tags: {
        kind: 'many',
        target: () => TAG_PROJECTION,
        link: { table: 'article_tags', ownerColumn: 'article_id', targetColumn: 'tag_id', orderColumn: 'position' },
      },
      section: { kind: 'one', target: () => SECTION_PROJECTION, foreignKey: 'section_id' },
      series: { kind: 'one', target: () => SERIES_PROJECTION, foreignKey: 'series_id' },
      featuredImage: { kind: 'one', target: () => related.image, foreignKey: 'featured_image_id' },
      // The library images the live body shows (image_usages, kept by every save); matched to blocks by id.
      bodyImages: {
        kind: 'many',
        target: () => related.image,
        link: {
          table: 'image_usages',
          ownerColumn: 'article_id',
          targetColumn: 'image_id',
          orderColumn: 'image_id',
          where: (alias) => Prisma.raw(`${alias}.used_as = 'body' AND ${alias}.source = 'live'`),
        },
      },
    },
  };
}
