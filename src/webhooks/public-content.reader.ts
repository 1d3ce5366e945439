import { Injectable } from '@nestjs/common';
import { ArticleQueryService } from '../articles/article-query.service.js';
import { FULL_TEXT_ARTICLE } from '../articles/public-article.js';
import { AuthorQueryService } from '../authors/author-query.service.js';
import { ResponseKeys } from '../common/response-keys.js';
import type { ProjectedRow } from '../database/projection/projection.js';
import { Selection } from '../database/projection/selection.js';
import type { Tx } from '../database/tx.js';
import type { ContentChange, ContentEntity } from '../events/content-change.js';
import { ImageRepository } from '../media/image.repository.js';
import { SectionQueryService } from '../sections/section-query.service.js';
import { SeriesQueryService } from '../series/series-query.service.js';
import { TagQueryService } from '../tags/tag-query.service.js';

const TAXONOMY = Selection.of(['slug', 'name', 'description']);
const SHAPES: Record<ContentEntity, Selection> = {
  article: FULL_TEXT_ARTICLE,
  author: Selection.of(['slug', 'name', 'title', 'bio', 'socialLinks']),
  tag: TAXONOMY,
  section: TAXONOMY,
  series: TAXONOMY,
  image: Selection.of(['url', 'width', 'height', 'altText', 'caption', 'credit']),
};

// The changed entity as the public API shows it now (inside the change's transaction), for payloads
// that let a receiver act without calling back; null when it is not public.
@Injectable()
export class PublicContentReader {
  constructor(
    private readonly articles: ArticleQueryService,
    private readonly authors: AuthorQueryService,
    private readonly tags: TagQueryService,
    private readonly sections: SectionQueryService,
    private readonly series: SeriesQueryService,
    private readonly images: ImageRepository,
  ) {}

  async read(tx: Tx, change: Pick<ContentChange, 'entity' | 'id'>): Promise<ProjectedRow | null> {
    const ids = [change.id];
    const shape = SHAPES[change.entity];
    const none = ResponseKeys.none;
    const rows = await {
      article: () => this.articles.findByIds(ids, shape, none, {}, tx),
      author: () => this.authors.findByIds(ids, shape, none, tx),
      tag: () => this.tags.findByIds(ids, shape, none, tx),
      section: () => this.sections.findByIds(ids, shape, none, tx),
      series: () => this.series.findByIds(ids, shape, none, tx),
      image: () => this.images.findVisibleByIds(ids, shape, none, tx),
    }[change.entity]();
    return rows[0] ?? null;
  }
}
