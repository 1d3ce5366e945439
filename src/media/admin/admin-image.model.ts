import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Image } from '../../generated/prisma/client.js';
import { connectionTypes } from '../../graphql/pagination/connection.model.js';

// The library's view of an image: the public fields plus what editors need to manage it. Its id is the
// same opaque id the public API gives the image, so a client can use either.
@ObjectType('AdminImage', { description: 'An image of the media library, trashed ones included' })
export class AdminImageModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Public URL of the file' })
  url!: string;

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

  @Field(() => Int, { nullable: true, description: 'File size in bytes; null for images linked from elsewhere' })
  byteSize!: number | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field({ description: 'In the trash: hidden from the public API until restored' })
  trashed!: boolean;

  static fromRow(row: Image): AdminImageModel {
    return Object.assign(new AdminImageModel(), {
      id: toGlobalId('Image', row.id),
      url: row.url,
      width: row.width,
      height: row.height,
      altText: row.altText,
      caption: row.caption,
      credit: row.credit,
      contentType: row.contentType,
      byteSize: row.byteSize,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      trashed: row.deletedAt !== null,
    });
  }
}

export const { ConnectionType: AdminImageConnection } = connectionTypes(AdminImageModel, 'AdminImage');
