import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { BearerAuthGuard, type AuthenticatedRequest } from '../../media/http/bearer-auth.guard.js';
import { NewsletterAdminService } from '../newsletter-admin.service.js';

// GET /admin/newsletter/subscribers.csv with Authorization: Bearer <token> (editors and admins).
@Controller('admin/newsletter')
@UseGuards(BearerAuthGuard)
export class SubscriberExportController {
  constructor(private readonly exports: NewsletterAdminService) {}

  @Get('subscribers.csv')
  async export(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    await this.exports.authorize(req.actor);
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
