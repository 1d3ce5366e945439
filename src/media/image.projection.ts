import { column, notTrashed, type EntityProjection } from '../database/projection/projection.js';
import { Prisma } from '../generated/prisma/client.js';
import type { MediaUrls, UrlImage } from './renditions/media-urls.js';

/** The injection token of the public Image projection (it needs the media configuration). */
export const IMAGE_PROJECTION = Symbol('ImageProjection');

/** What url(...) and srcset(...) are made of, kept off the public object (see imageProjection). */
export const IMAGE_SOURCE = Symbol('imageSource');

export type ProjectedImage = Record<string, unknown> & { [IMAGE_SOURCE]?: UrlImage };

// The public Image type as PostgreSQL builds it (see database/projection). Trashed images read as
// null. url is the master (or, with private masters, the largest rendition): rendition URLs are
// built from `source` without I/O, by the Image resolver or a feed.
export function imageProjection(urls: MediaUrls): EntityProjection {
  const originalSql = urls.originalSql('i') ? (alias: string) => urls.originalSql(alias)! : undefined;
  return {
    nodeType: 'Image',
    table: 'images',
    visible: notTrashed,
    columns: {
      width: column('width'),
      height: column('height'),
      altText: column('alt_text'),
      caption: column('caption'),
      credit: column('credit'),
      focalX: column('focal_x'),
      focalY: column('focal_y'),
      // Not in the GraphQL type: feeds announce it (media:content type).
      contentType: column('content_type'),
      source: (alias) => {
        const a = Prisma.raw(alias);
        return Prisma.sql`json_build_object('id', ${a}.id, 'url', ${a}.url, 'width', ${a}.width, 'height', ${a}.height,
          'storageKey', ${a}.storage_key, 'focalX', ${a}.focal_x, 'focalY', ${a}.focal_y, 'crops', coalesce(${a}.crops, '{}'::jsonb))`;
      },
    },
    requires: { url: ['source'], srcset: ['source'] },
    computedInJs: ['url', 'srcset'],
    // With public masters, url is a column's or two: a shaped read (the pass-through) writes it in SQL.
    ...(originalSql ? { shapedColumns: { url: originalSql } } : {}),
    finish(row) {
      if (!('source' in row)) return;
      const source = row.source as UrlImage;
      (row as ProjectedImage)[IMAGE_SOURCE] = source;
      delete row.source;
      row.url = urls.original(source);
    },
  };
}
