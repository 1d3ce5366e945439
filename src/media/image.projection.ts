import { column, notTrashed, type EntityProjection } from '../database/projection/projection.js';

// The public Image type as PostgreSQL builds it (see database/projection). Trashed images read as null.
export const IMAGE_PROJECTION: EntityProjection = {
  nodeType: 'Image',
  table: 'images',
  visible: notTrashed,
  columns: {
    url: column('url'),
    width: column('width'),
    height: column('height'),
    altText: column('alt_text'),
    caption: column('caption'),
    credit: column('credit'),
    // Not in the GraphQL type: feeds announce it (media:content type).
    contentType: column('content_type'),
  },
};
