import type { EntityProjection } from '../database/projection/projection.js';
import { Prisma } from '../generated/prisma/client.js';
import { SECTION_PROJECTION } from '../sections/section.projection.js';
import { SERIES_PROJECTION } from '../series/series.projection.js';
import { TAG_PROJECTION } from '../tags/tag.projection.js';
import { publishedSql } from './article-visibility.js';
import { publicArticleColumns, type PublicFieldConfig } from './public-article-fields.js';

/**
 * The public Article type as PostgreSQL builds it (see database/projection). Every value is stored
 * or a lookup: the teaser, label and body HTML were derived when the article was written.
 */
export function articleProjection(
  config: PublicFieldConfig,
  related: { author: EntityProjection; image: EntityProjection },
): EntityProjection {
  return {
    nodeType: 'Article',
    table: 'articles',
    visible: publishedSql,
    // The plain fields: public-article-fields.ts.
    columns: publicArticleColumns(config),
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
