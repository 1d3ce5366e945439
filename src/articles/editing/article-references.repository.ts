import type { Tx } from '../../database/tx.js';
import { Injectable } from '@nestjs/common';
import { BodyImagesService } from '../body/body-images.service.js';
import { referencedImageIds } from '../body/article-body.images.js';
import type { DerivationDependencies } from '../derivation/article-derivation.js';
import type { ArticleContent } from './article-content.js';

// What an article's content points at in other features' tables (sections, series, images, authors,
// tags, users), read while saving it.
@Injectable()
export class ArticleReferencesRepository {
  constructor(private readonly bodyImages: BodyImagesService) {}

  /** The fields whose ids do not all name a live (untrashed) row; empty when all exist. */
  async missingReferences(tx: Tx, content: Partial<ArticleContent>): Promise<string[]> {
    const checks: [string, string[], (ids: string[]) => Promise<{ id: string }[]>][] = [
      ['sectionId', content.sectionId ? [content.sectionId] : [], (ids) => tx.section.findMany(visible(ids))],
      ['seriesId', content.seriesId ? [content.seriesId] : [], (ids) => tx.series.findMany(visible(ids))],
      ['featuredImageId', content.featuredImageId ? [content.featuredImageId] : [], (ids) => tx.image.findMany(visible(ids))],
      ['authorIds', content.authorIds ?? [], (ids) => tx.author.findMany(visible(ids))],
      ['tagIds', content.tagIds ?? [], (ids) => tx.tag.findMany(visible(ids))],
    ];
    const missing: string[] = [];
    for (const [field, ids, find] of checks) {
      if (!ids.length) continue;
      const found = new Set((await find(ids)).map((row) => row.id));
      if (ids.some((id) => !found.has(id))) missing.push(field);
    }
    return missing;
  }

  /** Body image blocks whose image does not exist or is in the trash, by block index. */
  async missingBodyImages(tx: Tx, body: ArticleContent['body']): Promise<number[]> {
    const ids = referencedImageIds(body);
    if (!ids.length) return [];
    const found = new Set((await tx.image.findMany(visible(ids))).map((row) => row.id));
    return body.flatMap((block, index) => {
      if (block.type !== 'image') return [];
      const [ref] = referencedImageIds([block]);
      return ref && !found.has(ref) ? [index] : [];
    });
  }

  async authorIdOfUser(tx: Tx, userId: string): Promise<string | null> {
    return (await tx.user.findUnique({ where: { id: userId }, select: { authorId: true } }))?.authorId ?? null;
  }

  /** What the derived fields read besides the content itself: the section's name, the body's images. */
  async dependenciesOf(tx: Tx, content: Pick<ArticleContent, 'sectionId' | 'body'>): Promise<DerivationDependencies> {
    const section = content.sectionId
      ? await tx.section.findFirst({ where: { id: content.sectionId, deletedAt: null }, select: { name: true } })
      : null;
    return { sectionName: section?.name ?? null, images: await this.bodyImages.forBodies([content.body], tx) };
  }
}

function visible(ids: string[]) {
  return { where: { id: { in: ids }, deletedAt: null }, select: { id: true } };
}
