import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { AdminImageModel } from './admin-image.model.js';

// Inputs and payloads of the image mutations, kept together: each is a few lines, and they only make
// sense side by side.

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

@ObjectType()
export class UpdateImagePayload {
  @Field(() => AdminImageModel)
  image!: AdminImageModel;
}

@ObjectType()
export class TrashImagePayload {
  @Field(() => AdminImageModel)
  image!: AdminImageModel;
}

@ObjectType()
export class RestoreImagePayload {
  @Field(() => AdminImageModel)
  image!: AdminImageModel;
}

@ObjectType()
export class PurgeImagePayload {
  @Field(() => ID, { description: 'The id the image had' })
  purgedImageId!: string;
}
