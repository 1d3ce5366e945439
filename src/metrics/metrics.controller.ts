import { Controller, Get, Inject, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MetricsRegistry } from './metrics.registry.js';

// GET /metrics in Prometheus text format, when METRICS_ENABLED. It tells load and cache behaviour,
// so it is meant for the scraper's network, not the public: block it at the edge.
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    if (!this.config.metricsEnabled) throw new NotFoundException();
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await this.metrics.text());
  }
}
