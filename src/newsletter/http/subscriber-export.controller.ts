import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { NewsletterEditorService } from '../newsletter-editor.service.js';

// GET /admin/newsletter/subscribers.csv with Authorization: Bearer <token> (editors and admins).
@Controller('admin/newsletter')
export class SubscriberExportController {
  constructor(private readonly exports: NewsletterEditorService) {}

  @Get('subscribers.csv')
  @Requires('EDITOR', 'export newsletter subscribers')
  async export(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    await this.exports.recordExport(actor);
    const date = new Date().toISOString().slice(0, 10);
    res.status(200).set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="newsletter-subscribers-${date}.csv"`,
      'Cache-Control': 'no-store',
    });
    for await (const chunk of this.exports.confirmedCsv()) {
      // Respect backpressure: a slow client must not make the whole list pile up in memory.
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
