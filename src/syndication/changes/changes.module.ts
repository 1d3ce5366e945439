import { Module } from '@nestjs/common';
import { ArticlesModule } from '../../articles/articles.module.js';
import { ChangeFeedRepository } from './change-feed.repository.js';
import { ChangeFeedService } from './change-feed.service.js';
import { ChangeFeedSubscriber } from './change-feed.subscriber.js';

const providers = [ChangeFeedRepository, ChangeFeedService, ChangeFeedSubscriber];

@Module({ imports: [ArticlesModule], providers, exports: providers })
export class ChangesModule {}
