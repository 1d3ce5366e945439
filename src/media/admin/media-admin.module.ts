import { Module } from '@nestjs/common';
import { MediaLibraryModule } from '../media-library.module.js';
import { ImageAdminResolver } from './image-admin.resolver.js';

// The media library's part of /admin/graphql.
@Module({ imports: [MediaLibraryModule], providers: [ImageAdminResolver] })
export class MediaAdminModule {}
