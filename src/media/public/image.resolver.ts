import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { IMAGE_SOURCE, type ProjectedImage } from '../image.projection.js';
import { MediaUrls } from '../renditions/media-urls.js';
import { ImageModel } from './image.model.js';
import { ImageSrcsetArgs, ImageUrlArgs } from './image-url.args.js';
import { parseSrcsetArgs, parseUrlArgs } from './image-url.schema.js';

// Rendition URLs of the public Image: any configured size, format and crop, none of them rendered
// until a browser asks (GET /media/...).
@Resolver(() => ImageModel)
export class ImageResolver {
  constructor(
    private readonly urls: MediaUrls,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ResolveField(() => String, { description: 'The full-size image, or a rendition of a configured size' })
  url(@Parent() image: ProjectedImage, @Args() args: ImageUrlArgs): string {
    const source = image[IMAGE_SOURCE]!;
    const request = parseUrlArgs(this.config.media.renditions, args);
    return request ? this.urls.rendition(source, request) : this.urls.original(source);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "For <img srcset>: renditions at configured widths up to the image's own; null for images linked from elsewhere",
  })
  srcset(@Parent() image: ProjectedImage, @Args() args: ImageSrcsetArgs): string | null {
    return this.urls.srcset(image[IMAGE_SOURCE]!, parseSrcsetArgs(this.config.media.renditions, args));
  }
}
