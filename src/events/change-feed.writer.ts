import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { ContentEventsService, type ContentEvent, type ContentEventListener } from './content-events.service.js';

// Appends every public change to change_events, the log partners mirror from.
@Injectable()
export class ChangeFeedWriter implements ContentEventListener, OnModuleInit {
  constructor(private readonly events: ContentEventsService) {}

  onModuleInit() {
    this.events.register(this);
  }

  async onContentEvent(tx: Prisma.TransactionClient, event: ContentEvent): Promise<void> {
    await tx.changeEvent.create({ data: { action: event.action, entityType: event.entityType, entityId: event.entityId } });
  }
}
