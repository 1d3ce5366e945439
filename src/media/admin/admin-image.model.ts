import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Image } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import { FocalPointModel, focalPointOf } from '../public/image.model.js';
import type { CropRect } from '../renditions/focal-crop.js';
import { urlImageOf, type UrlImage } from '../renditions/media-urls.js';

@ObjectType('ImageCrop', { description: 'A named crop chosen by an editor, as fractions of the image (0..1)' })
export class ImageCropModel {
  @Field({ description: '"16:9", "1:1" or "4:5"' })
  aspect!: string;

  @Field(() => Float)
  x!: number;

  @Field(() => Float)
  y!: number;

  @Field(() => Float)
  width!: number;

  @Field(() => Float)
  height!: number;
}

// The library's view of an image: the public fields plus what editors need to manage it. Its id is the
// same opaque id the public API gives the image, so a client can use either. url(...), srcset(...),
// thumbnailUrl and usage are resolved by ImageAdminResolver.
@ObjectType('AdminImage', { description: 'An image of the media library, trashed ones included' })
export class AdminImageModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true })
  height!: number | null;

  @Field(() => String, { nullable: true, description: 'Text alternative for screen readers' })
  altText!: string | null;

  @Field(() => String, { nullable: true })
  caption!: string | null;

  @Field(() => String, { nullable: true })
  credit!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. image/jpeg; null for images linked from elsewhere' })
  contentType!: string | null;

  @Field(() => Int, { nullable: true, description: 'Size of the stored master in bytes; null for images linked from elsewhere' })
  byteSize!: number | null;

  @Field(() => String, { nullable: true, description: "The uploader's file name (for search; never in a URL)" })
  originalFilename!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who uploaded it' })
  uploadedById!: string | null;

  @Field(() => FocalPointModel, { nullable: true, description: 'Where cover renditions centre; null: the middle' })
  focalPoint!: FocalPointModel | null;

  @Field(() => [ImageCropModel], { description: 'Named crops; a cover rendition of a matching aspect uses them' })
  crops!: ImageCropModel[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field({ description: 'In the trash: hidden from the public API and no longer served until restored' })
  trashed!: boolean;

  rowId!: string;
  source!: UrlImage;

  static fromRow(row: Image): AdminImageModel {
    const source = urlImageOf(row);
    return Object.assign(new AdminImageModel(), {
      id: toGlobalId('Image', row.id),
      width: row.width,
      height: row.height,
      altText: row.altText,
      caption: row.caption,
      credit: row.credit,
      contentType: row.contentType,
      byteSize: row.byteSize,
      originalFilename: row.originalFilename,
      uploadedById: row.createdById,
      focalPoint: focalPointOf(row),
      crops: Object.entries(source.crops ?? {}).map(([aspect, rect]: [string, CropRect]) => ({ aspect, ...rect })),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      trashed: row.deletedAt !== null,
      rowId: row.id,
      source,
    });
  }
}

export const { ConnectionType: AdminImageConnection } = connectionTypes(AdminImageModel, 'AdminImage');

@ObjectType('ImageUsage', { description: 'An article that shows the image' })
export class ImageUsageModel {
  @Field(() => ID, { description: 'The article (AdminArticle id)' })
  articleId!: string;

  @Field()
  headline!: string;

  @Field({ description: 'DRAFT, SCHEDULED, PUBLISHED or ARCHIVED' })
  status!: string;

  @Field({ description: 'The article is in the trash' })
  trashed!: boolean;

  @Field(() => [String], { description: 'FEATURED and/or BODY' })
  usedAs!: string[];

  @Field({ description: 'Used in the live (or draft) content' })
  live!: boolean;

  @Field({ description: 'Used in pending, unpublished changes' })
  pending!: boolean;
}
