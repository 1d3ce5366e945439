import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../../common/domain-error.js';
import { expectGlobalId } from '../../common/global-id.js';
import { ValidArgs, ValidInput } from '../../graphql-types/valid-input.decorator.js';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { toPageRequest, type ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { ImageSrcsetArgs, ImageUrlArgs } from '../public/image-url.args.js';
import { parseSrcsetArgs, parseUrlArgs } from '../public/image-url.schema.js';
import { MediaUrls } from '../renditions/media-urls.js';
import { ImageEditorService } from '../image-editor.service.js';
import { AdminImageConnection, AdminImageModel, ImageUsageModel } from './admin-image.model.js';
import { AdminImagesArgs } from './image-admin.args.js';
import { PurgeImageInput, RestoreImageInput, TrashImageInput, UpdateImageInput } from './image-admin.inputs.js';
import { PurgeImagePayload, RestoreImagePayload, TrashImagePayload, UpdateImagePayload } from './image-admin.payloads.js';
import {
  adminImagesFilterSchema,
  imageIdSchema,
  type AdminImagesFilter,
  updateImageSchema,
  type ImageIdData,
  type UpdateImageData,
} from './image-admin.schema.js';

@Resolver(() => AdminImageModel)
export class ImageAdminResolver {
  constructor(
    private readonly images: ImageEditorService,
    private readonly urls: MediaUrls,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => AdminImageConnection, {
    description: 'The media library, newest first: search by caption, credit, alt text or file name; filter by uploader and date',
  })
  @Requires('CONTRIBUTOR', 'browse the media library')
  async adminImages(
    @ValidArgs(AdminImagesArgs, adminImagesFilterSchema) args: ConnectionArgs & AdminImagesFilter,
  ): Promise<Connection<AdminImageModel>> {
    const { trashed, search, uploadedBy, uploadedAfter, uploadedBefore } = args;
    const filter = { trashed: trashed ?? false, search, uploadedBy, uploadedAfter, uploadedBefore };
    return this.images.list(filter, toPageRequest(args));
  }

  @ResolveField(() => String, { description: 'The full-size image, or a rendition of a configured size (as Image.url)' })
  url(@Parent() image: AdminImageModel, @Args() args: ImageUrlArgs): string {
    const request = parseUrlArgs(this.config.media.renditions, args);
    return request ? this.urls.rendition(image.source, request) : this.urls.original(image.source);
  }

  @ResolveField(() => String, { nullable: true, description: 'As Image.srcset' })
  srcset(@Parent() image: AdminImageModel, @Args() args: ImageSrcsetArgs): string | null {
    return this.urls.srcset(image.source, parseSrcsetArgs(this.config.media.renditions, args));
  }

  @ResolveField(() => String, {
    description: 'A small rendition for library grids: a square crop when 1:1 is a configured aspect (404 while trashed)',
  })
  thumbnailUrl(
    @Parent() image: AdminImageModel,
    @Args('width', { type: () => Int, nullable: true, description: 'A configured width; default the smallest' })
    width?: number | null,
  ): string {
    const chosen = width ?? this.urls.widths[0]!;
    if (!this.urls.widths.includes(chosen)) {
      throw DomainError.badInput([{ path: 'width', message: `must be one of ${this.urls.widths.join(', ')}` }]);
    }
    const square = this.config.media.renditions.aspects.some(([w, h]) => w === h);
    return this.urls.rendition(image.source, this.urls.request(chosen, square ? { aspect: [1, 1] } : {}));
  }

  @ResolveField(() => [ImageUsageModel], { description: 'The articles that show it (featured or in the body, live or pending)' })
  usage(@Parent() image: AdminImageModel): Promise<ImageUsageModel[]> {
    return this.images.usage(image.rowId);
  }

  @Query(() => AdminImageModel, { nullable: true, description: 'One image, trashed or not' })
  @Requires('CONTRIBUTOR', 'browse the media library')
  async adminImage(@Args('id', { type: () => ID }) id: string): Promise<AdminImageModel | null> {
    const image = await this.images.get(expectGlobalId(id, 'Image', 'id'));
    return image && AdminImageModel.fromRow(image);
  }

  @Mutation(() => UpdateImagePayload, { description: 'Edit caption, credit or alt text (editors, or the uploader)' })
  @Requires('CONTRIBUTOR', 'edit images')
  async updateImage(
    @ValidInput(UpdateImageInput, updateImageSchema) input: UpdateImageData,
    @CurrentActor() actor: Actor,
  ): Promise<UpdateImagePayload> {
    const { id, ...metadata } = input;
    const image = await this.images.update(actor, expectGlobalId(id, 'Image', 'input.id'), metadata);
    return { image: AdminImageModel.fromRow(image) };
  }

  @Mutation(() => TrashImagePayload, { description: 'Hide an image from the public API (editors)' })
  @Requires('EDITOR', 'trash images')
  async trashImage(
    @ValidInput(TrashImageInput, imageIdSchema) input: ImageIdData,
    @CurrentActor() actor: Actor,
  ): Promise<TrashImagePayload> {
    const image = await this.images.trash(actor, this.imageId(input));
    return { image: AdminImageModel.fromRow(image) };
  }

  @Mutation(() => RestoreImagePayload, { description: 'Take an image out of the trash (editors)' })
  @Requires('EDITOR', 'restore images')
  async restoreImage(
    @ValidInput(RestoreImageInput, imageIdSchema) input: ImageIdData,
    @CurrentActor() actor: Actor,
  ): Promise<RestoreImagePayload> {
    const image = await this.images.restore(actor, this.imageId(input));
    return { image: AdminImageModel.fromRow(image) };
  }

  @Mutation(() => PurgeImagePayload, { description: 'Delete a trashed image and its file for good (admins)' })
  @Requires('ADMIN', 'purge images')
  async purgeImage(
    @ValidInput(PurgeImageInput, imageIdSchema) input: ImageIdData,
    @CurrentActor() actor: Actor,
  ): Promise<PurgeImagePayload> {
    await this.images.purge(actor, this.imageId(input));
    return { purgedImageId: input.id };
  }

  private imageId(input: ImageIdData): string {
    return expectGlobalId(input.id, 'Image', 'input.id');
  }
}
