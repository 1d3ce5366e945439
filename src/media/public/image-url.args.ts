import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';

export enum ImageFit {
  INSIDE = 'inside',
  COVER = 'cover',
}

export enum ImageFormat {
  AUTO = 'auto',
  JPEG = 'jpeg',
  WEBP = 'webp',
  AVIF = 'avif',
  PNG = 'png',
}

registerEnumType(ImageFit, {
  name: 'ImageFit',
  description: 'INSIDE: the whole picture within the box; COVER: fills the box, cut around the focal point',
});
registerEnumType(ImageFormat, {
  name: 'ImageFormat',
  description: "AUTO: AVIF, WebP or JPEG by the browser's Accept header (the response varies by Accept)",
});

@ArgsType()
export class ImageUrlArgs {
  @Field(() => Int, { nullable: true, description: 'One of the configured rendition widths; omit for the full-size image' })
  width?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Height for a configured aspect ratio of the width; omit for the image's own",
  })
  height?: number | null;

  @Field(() => ImageFit, { nullable: true, description: 'Default: COVER with a height, INSIDE without' })
  fit?: ImageFit | null;

  @Field(() => ImageFormat, { nullable: true, defaultValue: ImageFormat.AUTO })
  format?: ImageFormat | null;
}

@ArgsType()
export class ImageSrcsetArgs {
  @Field(() => [Int], { nullable: true, description: 'Configured rendition widths; default: all of them' })
  widths?: number[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A configured aspect ratio such as "16:9": cover crops; default: own aspect',
  })
  aspect?: string | null;

  @Field(() => ImageFormat, { nullable: true, defaultValue: ImageFormat.AUTO })
  format?: ImageFormat | null;
}
