import { TransactionRunner } from '../../database/transaction-runner.js';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { ResponseCachePurger } from '../../cache/response-cache.purger.js';
import { CacheKeys } from '../../common/cache-keys.js';
import type { Tx } from '../../database/tx.js';
import type { ContentChange } from '../../events/content-change.js';
import { OnContentChange } from '../../events/on-content-change.decorator.js';
import { JobQueueService } from '../../jobs/job-queue.service.js';
import { LOGGER } from '../../logging/logging.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { derivationVersion, deriveArticleFields } from './article-derivation.js';
import { ArticleDerivationRepository, type DerivationScope } from './article-derivation.repository.js';

export const REDERIVE_ARTICLES_JOB = 'article.rederive';
const BATCH = 200;

// Keeps every article's derived fields (teaser, label, body HTML, text statistics) equal to what its
// content and dependencies give now, outside an editor's own save:
// - at start-up, rows never derived (loaded past the app, or from before derivation existed) are
//   derived before the app serves, since a public read never derives;
// - rows written by other derivation code or settings (derivationVersion) are re-derived by a
//   background job: they still show valid, older output meanwhile;
// - a change to something derived fields depend on (a section's name, an image a body shows)
//   re-derives its articles, in the change's transaction or (for many) by job, and purges their
//   cached responses.
@Injectable()
export class ArticleDerivationService implements OnApplicationBootstrap {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly derivations: ArticleDerivationRepository,
    private readonly queue: JobQueueService,
    private readonly purger: ResponseCachePurger,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const derived = await this.rederive({ kind: 'never-derived' });
    if (derived > 0) this.logger.info({ articles: derived }, `Derived the public fields of ${derived} articles`);
    const stale = { kind: 'stale', version: derivationVersion(this.config) } as const;
    if (await this.derivations.exists(stale)) await this.transactions.run((tx) => this.enqueue(tx, stale));
  }

  // A section's name is part of its articles' labels, and an image (its file, size, texts, framing)
  // part of the body HTML of the articles that show it: changing, trashing or restoring either
  // re-derives those articles. The usual few are re-derived in the change's own transaction, so the
  // next read already shows the change; a section or image with more articles than a batch finishes
  // in a job (which re-derives them all, harmlessly twice for the first batch).
  @OnContentChange()
  async dependencyChanged(tx: Tx, change: ContentChange): Promise<void> {
    const scope = dependentsOf(change);
    if (!scope) return;
    const derived = await this.deriveBatch(tx, scope, null);
    if (derived.count === BATCH) await this.enqueue(tx, scope);
  }

  /** Re-derives every article in `scope`, a batch per transaction; returns how many. */
  async rederive(scope: DerivationScope): Promise<number> {
    let total = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch: { count: number; lastId: string | null } = await this.transactions.run((tx) =>
        this.deriveBatch(tx, scope, afterId),
      );
      total += batch.count;
      if (!batch.lastId) return total;
      afterId = batch.lastId;
    }
  }

  private async deriveBatch(
    tx: Tx,
    scope: DerivationScope,
    afterId: string | null,
  ): Promise<{ count: number; lastId: string | null }> {
    const batch = await this.derivations.claimBatch(tx, scope, afterId, BATCH);
    for (const article of batch) {
      await this.derivations.write(tx, article.id, deriveArticleFields(article.source, article.dependencies, this.config));
    }
    if (batch.length)
      await this.purger.purgeOnCommit(
        tx,
        batch.map((article) => CacheKeys.entity('article', article.id)),
      );
    return { count: batch.length, lastId: batch.at(-1)?.id ?? null };
  }

  private async enqueue(tx: Tx, scope: DerivationScope): Promise<void> {
    const key =
      scope.kind === 'section' ? `${REDERIVE_ARTICLES_JOB}:section:${scope.sectionId}` : `${REDERIVE_ARTICLES_JOB}:${scope.kind}`;
    await this.queue.enqueue(tx, { name: REDERIVE_ARTICLES_JOB, payload: { scope }, dedupeKey: key });
  }
}

/** The articles whose derived fields depend on what `change` changed, if any. */
function dependentsOf(change: ContentChange): DerivationScope | null {
  if (change.entity === 'section') {
    return change.action === 'updated' && !change.fields?.includes('name') ? null : { kind: 'section', sectionId: change.id };
  }
  return change.entity === 'image' ? { kind: 'image', imageId: change.id } : null;
}
