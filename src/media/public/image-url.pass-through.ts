import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PassThroughRegistry } from '../../graphql-types/pass-through-registry.js';

// Image.url without arguments is MediaUrls.original(), which the Image projection writes in SQL when
// the configuration lets it (shapedColumns, public masters): then a pass-through may include it.
// With arguments (a rendition), with private masters, and srcset, ImageResolver computes it in JS.
@Injectable()
export class ImageUrlPassThrough implements OnModuleInit {
  constructor(private readonly registry: PassThroughRegistry) {}

  onModuleInit(): void {
    this.registry.registerField('Image', 'url', { arguments: false });
  }
}
