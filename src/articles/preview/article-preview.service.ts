import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, errors, jwtVerify } from 'jose';
import type { Actor } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { DomainError } from '../../common/domain-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AppKeys } from '../../config/app-secret.js';
import { assertCanView } from '../editing/article-access.policy.js';
import { ArticleEditorRepository } from '../editing/article-editor.repository.js';
import { notFound } from '../editing/article-guards.js';
import { ArticleModel } from '../public/article.model.js';

const AUDIENCE = 'newsdesk-preview';

// Preview links: a signed, expiring token naming ONE article. The public API shows that article's
// working copy (a draft, or a live article's pending changes) to whoever holds it, and nothing else.
@Injectable()
export class ArticlePreviewService {
  constructor(
    private readonly articles: ArticleEditorRepository,
    private readonly audit: AuditService,
    private readonly keys: AppKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async mint(actor: Actor | null, articleId: string, ttlSeconds?: number | null): Promise<{ token: string; expiresAt: Date }> {
    const client = this.articles.client();
    const article = await this.articles.findById(client, articleId);
    if (!article || article.deletedAt) throw notFound();
    const known = assertCanView(actor, article);
    const expiresAt = new Date(Date.now() + (ttlSeconds ?? this.config.auth.previewTokenTtlSeconds) * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(article.id)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.keys.previewToken);
    await this.audit.record(client, known, {
      action: 'article.preview_token_created',
      entityType: 'Article',
      entityId: article.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresAt };
  }

  /** The working copy of the token's article when `slug` names it; a bad token is an error. */
  async open(token: string, slug: string): Promise<ArticleModel | null> {
    const articleId = await this.verify(token);
    const client = this.articles.client();
    const article = await this.articles.findById(client, articleId);
    if (!article || article.deletedAt) return null;
    const content = await this.articles.workingContent(client, article);
    if (slug !== content.slug && slug !== article.slug) return null;
    return ArticleModel.fromPreview(article, content);
  }

  private async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.keys.previewToken, { audience: AUDIENCE, algorithms: ['HS256'] });
      if (typeof payload.sub === 'string') return payload.sub;
    } catch (error) {
      if (!(error instanceof errors.JOSEError)) throw error;
    }
    throw new DomainError('UNAUTHENTICATED', 'The preview token is invalid or has expired');
  }
}
