import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DatabaseConnection } from '../database/database-connection.js';
import { OutageLog } from '../database/outage-log.js';
import { LOGGER } from '../logging/logging.module.js';
import { ResponseCacheMetrics } from './response-cache.metrics.js';
import { PURGE_CHANNEL, ResponseCachePurger } from './response-cache.purger.js';

const purgeNotification = z.object({ from: z.string(), keys: z.array(z.string()) });

// Hears the purges every change sends with pg_notify (from any instance or the worker) and applies
// them here, on a connection of its own, since LISTEN holds a session. PostgreSQL delivers a
// notification only if its transaction committed, and in commit order. While disconnected purges are
// missed, so after every reconnect the whole cache is dropped. The embedded database serves a single
// process, which purges after its own commits, so it needs no listener.
@Injectable()
export class PurgeNotificationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private client: pg.Client | undefined;
  private stopped = false;
  private connectedBefore = false;
  private readonly outage: OutageLog;

  constructor(
    private readonly connection: DatabaseConnection,
    private readonly purger: ResponseCachePurger,
    private readonly metrics: ResponseCacheMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.outage = new OutageLog(logger, 'Cache purge listener', { maxRetryMs: config.database.retryMaxMs });
  }

  async onApplicationBootstrap() {
    if (this.connection.embedded) return;
    await this.listen();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connection.url });
    let retrying = false;
    const retry = (error: unknown) => {
      if (retrying || this.stopped) return;
      retrying = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), this.outage.failed(error)).unref();
    };
    client.on('notification', (message) => void this.apply(message.payload));
    client.on('end', () => retry(new Error('connection ended')));
    client.on('error', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${PURGE_CHANNEL}`);
    } catch (error) {
      retry(error);
      return;
    }
    this.client = client;
    this.outage.succeeded();
    if (this.connectedBefore) await this.purger.purgeAll();
    this.connectedBefore = true;
  }

  private async apply(payload: string | undefined) {
    const parsed = purgeNotification.safeParse(parseJson(payload));
    // Its own changes this process purged after their commit already (ResponseCachePurger).
    if (!parsed.success || parsed.data.from === this.purger.instanceId) return;
    this.metrics.purged();
    await this.purger.purgeHere(parsed.data.keys);
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}
