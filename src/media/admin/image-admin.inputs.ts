import { Field, Float, ID, InputType } from '@nestjs/graphql';

// The input types of the image mutations. Shapes only: image-admin.schema.ts is the validator of record.

@InputType()
export class FocalPointInput {
  @Field(() => Float, { description: '0 (left edge) to 1 (right edge)' })
  x!: number;

  @Field(() => Float, { description: '0 (top edge) to 1 (bottom edge)' })
  y!: number;
}

@InputType({ description: 'A rectangle of the given aspect ratio, as fractions of the image (0..1)' })
export class ImageCropInput {
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

@InputType({ description: 'Omitted fields stay as they are; null or "" clears one' })
export class UpdateImageInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  caption?: string | null;

  @Field(() => String, { nullable: true })
  credit?: string | null;

  @Field(() => String, { nullable: true })
  altText?: string | null;

  @Field(() => FocalPointInput, { nullable: true, description: 'Where cover renditions centre; null: the middle' })
  focalPoint?: FocalPointInput | null;

  @Field(() => [ImageCropInput], { nullable: true, description: 'Replaces all named crops; [] or null removes them' })
  crops?: ImageCropInput[] | null;
}

@InputType()
export class TrashImageInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class RestoreImageInput {
  @Field(() => ID)
  id!: string;
}

@InputType({ description: 'Only an image in the trash can be purged' })
export class PurgeImageInput {
  @Field(() => ID)
  id!: string;
}
