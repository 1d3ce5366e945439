// The derived columns of each generated article (teaser shown, label, sanitised body HTML, text
// statistics, derived_version), computed by the app's own deriveArticleFields with the settings the
// bench's app processes run with, so the app finds every row current and derives nothing at start-up.
import type { ArticleBody } from '../../src/articles/body/article-body.schema.js';
import { deriveArticleFields, type DerivedArticleFields } from '../../src/articles/derivation/article-derivation.js';
import { loadConfig } from '../../src/config/app-config.js';
import type { Image } from '../../src/generated/prisma/client.js';
import { BodyImagesService } from '../../src/articles/body/body-images.service.js';
import { MediaUrls } from '../../src/media/renditions/media-urls.js';
import { appEnv } from '../lib/configurations.js';
import type { ArticleRow, ImageRow } from './dataset.js';

export type Derive = (article: Pick<ArticleRow, 'type' | 'teaser' | 'body'>, sectionName: string) => DerivedArticleFields;

/** A deriver for `databaseUrl` whose body figures show `images` as the app's BodyImagesService would. */
export function articleDeriver(databaseUrl: string, images: readonly ImageRow[]): Derive {
  // The port only shapes media URLs of uploaded files; bench images are linked by URL and have none.
  const config = loadConfig(appEnv(databaseUrl, 3000, 'off'));
  // fromRow is pure (no repository call): the rendition URLs come from the configuration alone.
  const bodyImages = new BodyImagesService(undefined as never, new MediaUrls(config.media));
  const renderable = new Map(images.map((image) => [image.id, bodyImages.fromRow(imageEntity(image))]));
  return (article, sectionName) =>
    deriveArticleFields(
      { type: article.type, teaser: article.teaser, body: article.body as ArticleBody, label: null },
      { sectionName, images: renderable },
      config,
    );
}

// The images row as Prisma returns it: what BodyImagesService reads of it.
function imageEntity(image: ImageRow): Image {
  return {
    id: image.id,
    url: image.url,
    width: image.width,
    height: image.height,
    altText: image.alt_text,
    caption: image.caption,
    credit: image.credit,
    storageKey: null,
    contentType: null,
    byteSize: null,
    createdById: null,
    originalFilename: null,
    focalX: null,
    focalY: null,
    crops: {},
    searchText: '',
    createdAt: new Date(image.created_at),
    updatedAt: new Date(image.updated_at),
    deletedAt: null,
  };
}
