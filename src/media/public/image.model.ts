import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Image as ImageRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql-types/node.interface.js';

// Admin API only (the public Image has focalX and focalY).
@ObjectType('FocalPoint', { description: 'Where crops centre, as fractions of the width (x) and height (y), 0..1' })
export class FocalPointModel {
  @Field(() => Float)
  x!: number;

  @Field(() => Float)
  y!: number;
}

// Values arrive as PostgreSQL built them (image.projection.ts); url(...) and srcset(...) are resolved
// by ImageResolver from the image's source (IMAGE_SOURCE), without I/O.
@ObjectType('Image', { implements: () => [Node] })
export class ImageModel implements Node {
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

  @Field(() => String, { nullable: true, description: 'e.g. "REUTERS/Mahamadou Hamidou//File Photo"' })
  credit!: string | null;

  // Two scalars rather than an object: every public object type has an id (normalised client caches).
  @Field(() => Float, { nullable: true, description: 'Focal point set by an editor, from the left (0) to the right (1)' })
  focalX!: number | null;

  @Field(() => Float, { nullable: true, description: 'Focal point set by an editor, from the top (0) to the bottom (1)' })
  focalY!: number | null;
}

export function focalPointOf(row: Pick<ImageRow, 'focalX' | 'focalY'>): FocalPointModel | null {
  return row.focalX === null || row.focalY === null ? null : { x: row.focalX, y: row.focalY };
}
