import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import type { Author, Image, Section, Series, Tag } from '../../generated/prisma/client.js';

export interface ReferenceRows {
  authors: Author[];
  tags: Tag[];
  sections: Section[];
  series: Series[];
  images: Image[];
}

export type ReferenceIds = { [K in keyof ReferenceRows]: string[] };

// What the Studio shows next to an article's ids (bylines, tags, section, series, featured image),
// trashed or not: one statement per kind for a whole page of articles.
@Injectable()
export class ArticleReferencesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findAll(ids: ReferenceIds): Promise<ReferenceRows> {
    const where = (list: string[]) => ({ where: { id: { in: list } } });
    // Sequential: the embedded database serves one statement at a time anyway.
    const authors = ids.authors.length ? await this.prisma.author.findMany(where(ids.authors)) : [];
    const tags = ids.tags.length ? await this.prisma.tag.findMany(where(ids.tags)) : [];
    const sections = ids.sections.length ? await this.prisma.section.findMany(where(ids.sections)) : [];
    const series = ids.series.length ? await this.prisma.series.findMany(where(ids.series)) : [];
    const images = ids.images.length ? await this.prisma.image.findMany(where(ids.images)) : [];
    return { authors, tags, sections, series, images };
  }

  /** Slugs the article had before, newest first: they still resolve to it publicly. */
  async formerSlugs(articleId: string): Promise<string[]> {
    const rows = await this.prisma.articleSlug.findMany({ where: { articleId }, orderBy: { createdAt: 'desc' } });
    return rows.map((row) => row.slug);
  }
}
