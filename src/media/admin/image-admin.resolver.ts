import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { expectGlobalId } from '../../common/global-id.js';
import { parseInput } from '../../common/parse-input.js';
import type { AdminContext } from '../../graphql/admin-context.js';
import { buildConnection } from '../../common/pagination/build-connection.js';
import { toPageRequest } from '../../graphql/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { imageCursor } from '../image-admin.repository.js';
import { ImageAdminService } from '../image-admin.service.js';
import { AdminImageConnection, AdminImageModel } from './admin-image.model.js';
import { AdminImagesArgs } from './image-admin.args.js';
import {
  PurgeImageInput,
  PurgeImagePayload,
  RestoreImageInput,
  RestoreImagePayload,
  TrashImageInput,
  TrashImagePayload,
  UpdateImageInput,
  UpdateImagePayload,
} from './image-admin.input.js';
import { adminImagesFilterSchema, imageIdSchema, updateImageSchema } from './image-admin.schema.js';

@Resolver(() => AdminImageModel)
export class ImageAdminResolver {
  constructor(private readonly images: ImageAdminService) {}

  @Query(() => AdminImageConnection, { description: 'The media library, newest first' })
  async adminImages(@Args() args: AdminImagesArgs, @Context() ctx: AdminContext): Promise<Connection<AdminImageModel>> {
    const { trashed } = parseInput(adminImagesFilterSchema, { trashed: args.trashed });
    const page = toPageRequest(args);
    const { rows, count } = await this.images.list(ctx.actor, { trashed: trashed ?? false }, page);
    return buildConnection(rows, page, imageCursor, count, AdminImageModel.fromRow);
  }

  @Query(() => AdminImageModel, { nullable: true, description: 'One image, trashed or not' })
  async adminImage(@Args('id', { type: () => ID }) id: string, @Context() ctx: AdminContext): Promise<AdminImageModel | null> {
    const image = await this.images.get(ctx.actor, expectGlobalId(id, 'Image', 'id'));
    return image && AdminImageModel.fromRow(image);
  }

  @Mutation(() => UpdateImagePayload, { description: 'Edit caption, credit or alt text (editors, or the uploader)' })
  async updateImage(@Args('input') input: UpdateImageInput, @Context() ctx: AdminContext): Promise<UpdateImagePayload> {
    const { id, ...metadata } = parseInput(updateImageSchema, input, ['input']);
    const image = await this.images.update(ctx.actor, expectGlobalId(id, 'Image', 'input.id'), metadata);
    return { image: AdminImageModel.fromRow(image) };
  }

  @Mutation(() => TrashImagePayload, { description: 'Hide an image from the public API (editors)' })
  async trashImage(@Args('input') input: TrashImageInput, @Context() ctx: AdminContext): Promise<TrashImagePayload> {
    const image = await this.images.trash(ctx.actor, this.imageId(input));
    return { image: AdminImageModel.fromRow(image) };
  }

  @Mutation(() => RestoreImagePayload, { description: 'Take an image out of the trash (editors)' })
  async restoreImage(@Args('input') input: RestoreImageInput, @Context() ctx: AdminContext): Promise<RestoreImagePayload> {
    const image = await this.images.restore(ctx.actor, this.imageId(input));
    return { image: AdminImageModel.fromRow(image) };
  }

  @Mutation(() => PurgeImagePayload, { description: 'Delete a trashed image and its file for good (admins)' })
  async purgeImage(@Args('input') input: PurgeImageInput, @Context() ctx: AdminContext): Promise<PurgeImagePayload> {
    await this.images.purge(ctx.actor, this.imageId(input));
    return { purgedImageId: input.id };
  }

  private imageId(input: { id: string }): string {
    return expectGlobalId(parseInput(imageIdSchema, input, ['input']).id, 'Image', 'input.id');
  }
}
