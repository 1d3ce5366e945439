import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AdminImageModel } from './admin-image.model.js';

// The results of the image mutations.

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
