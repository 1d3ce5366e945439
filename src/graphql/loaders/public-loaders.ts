import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ArticleRepository } from '../../articles/article.repository.js';
import type { ResponseKeys } from '../../cache/response-keys.js';
import { ArticleModel } from '../../articles/public/article.model.js';
import { AuthorRepository } from '../../authors/author.repository.js';
import { AuthorModel } from '../../authors/public/author.model.js';
import { ImageRepository } from '../../media/image.repository.js';
import { ImageModel } from '../../media/public/image.model.js';
import { SectionRepository } from '../../sections/section.repository.js';
import { SectionModel } from '../../sections/public/section.model.js';
import { SeriesRepository } from '../../series/series.repository.js';
import { SeriesModel } from '../../series/public/series.model.js';
import { TagRepository } from '../../tags/tag.repository.js';
import { TagModel } from '../../tags/public/tag.model.js';

// Per-request batching: a page of 50 articles asks for its authors, tags, sections, series and images
// in one query each, whatever the page size (no N+1). A new set per request, so nothing leaks between
// requests or outlives a content change.
export class PublicLoaders {
  constructor(
    readonly authorsByArticleId: DataLoader<string, AuthorModel[]>,
    readonly tagsByArticleId: DataLoader<string, TagModel[]>,
    readonly sectionById: DataLoader<string, SectionModel | null>,
    readonly seriesById: DataLoader<string, SeriesModel | null>,
    readonly imageById: DataLoader<string, ImageModel | null>,
    readonly articleById: DataLoader<string, ArticleModel | null>,
    readonly authorById: DataLoader<string, AuthorModel | null>,
    readonly tagById: DataLoader<string, TagModel | null>,
  ) {}
}

function byIdLoader<Row extends { id: string }, Model>(
  load: (ids: readonly string[]) => Promise<Row[]>,
  toModel: (row: Row) => Model,
): DataLoader<string, Model | null> {
  return new DataLoader(async (ids) => {
    const rows = new Map((await load(ids)).map((row) => [row.id, toModel(row)]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

function listLoader<Row, Model>(
  load: (ids: readonly string[]) => Promise<Map<string, Row[]>>,
  toModel: (row: Row) => Model,
): DataLoader<string, Model[]> {
  return new DataLoader(async (ids) => {
    const groups = await load(ids);
    return ids.map((id) => (groups.get(id) ?? []).map(toModel));
  });
}

@Injectable()
export class PublicLoadersFactory {
  constructor(
    private readonly authors: AuthorRepository,
    private readonly tags: TagRepository,
    private readonly sections: SectionRepository,
    private readonly series: SeriesRepository,
    private readonly images: ImageRepository,
    private readonly articles: ArticleRepository,
  ) {}

  /** Loaders whose reads tag `keys`, the response's content keys. */
  create(keys: ResponseKeys): PublicLoaders {
    return new PublicLoaders(
      listLoader((ids) => this.authors.findVisibleByArticleIds(ids, keys), AuthorModel.fromRow),
      listLoader((ids) => this.tags.findVisibleByArticleIds(ids, keys), TagModel.fromRow),
      byIdLoader((ids) => this.sections.findVisibleByIds(ids, keys), SectionModel.fromRow),
      byIdLoader((ids) => this.series.findVisibleByIds(ids, keys), SeriesModel.fromRow),
      byIdLoader((ids) => this.images.findVisibleByIds(ids, keys), ImageModel.fromRow),
      byIdLoader((ids) => this.articles.findPublishedByIds(ids, keys), ArticleModel.fromRow),
      byIdLoader((ids) => this.authors.findVisibleByIds(ids, keys), AuthorModel.fromRow),
      byIdLoader((ids) => this.tags.findVisibleByIds(ids, keys), TagModel.fromRow),
    );
  }
}
