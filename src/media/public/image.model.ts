import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Image as ImageRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';

@ObjectType('Image', { implements: () => [Node] })
export class ImageModel implements Node {
  readonly nodeType = 'Image';

  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => Int, { nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true })
  height!: number | null;

  @Field(() => String, { nullable: true, description: 'Text alternative for screen readers' })
  altText!: string | null;

  @Field(() => String, { nullable: true })
  caption!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "REUTERS/Mahamadou Hamidou//File Photo"' })
  credit!: string | null;

  static fromRow(row: ImageRow): ImageModel {
    return Object.assign(new ImageModel(), {
      id: toGlobalId('Image', row.id),
      url: row.url,
      width: row.width,
      height: row.height,
      altText: row.altText,
      caption: row.caption,
      credit: row.credit,
    });
  }
}
