import { Global, Module } from '@nestjs/common';
import { ChangeFeedWriter } from './change-feed.writer.js';
import { ContentEventsService } from './content-events.service.js';

@Global()
@Module({ providers: [ContentEventsService, ChangeFeedWriter], exports: [ContentEventsService] })
export class EventsModule {}
