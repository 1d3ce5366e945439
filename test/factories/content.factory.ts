import { deriveArticleFields } from '../../src/articles/derivation/article-derivation.js';
import { loadConfig } from '../../src/config/app-config.js';

// The default settings: what test apps run with unless a spec sets EMBED_HOSTS.
const DERIVATION_SETTINGS = loadConfig({});
import { randomBytes } from 'node:crypto';
import type {
  Article,
  ArticleStatus,
  ArticleType,
  Author,
  Image,
  Section,
  Series,
  Tag,
} from '../../src/generated/prisma/client.js';
import type { PrismaService } from '../../src/database/prisma.service.js';

const unique = () => randomBytes(4).toString('hex');

export class ContentFactory {
  constructor(private readonly prisma: PrismaService) {}

  author(data: Partial<Author> = {}): Promise<Author> {
    const id = unique();
    return this.prisma.author.create({
      data: { name: `Author ${id}`, slug: `author-${id}`, ...data, socialLinks: data.socialLinks ?? [] },
    });
  }

  tag(data: Partial<Tag> = {}): Promise<Tag> {
    const id = unique();
    return this.prisma.tag.create({ data: { name: `tag ${id}`, slug: `tag-${id}`, ...data } });
  }

  section(data: Partial<Section> = {}): Promise<Section> {
    const id = unique();
    return this.prisma.section.create({ data: { name: `Section ${id}`, slug: `section-${id}`, ...data } });
  }

  series(data: Partial<Series> = {}): Promise<Series> {
    const id = unique();
    return this.prisma.series.create({ data: { name: `Series ${id}`, slug: `series-${id}`, ...data } });
  }

  image(data: Partial<Omit<Image, 'crops'>> = {}): Promise<Image> {
    return this.prisma.image.create({
      data: { url: `https://images.example.com/${unique()}.jpg`, width: 1200, height: 800, ...data },
    });
  }

  /** An article with its links; published by default (a trigger copies published_at onto the links). */
  async article(
    options: {
      headline?: string;
      slug?: string;
      dek?: string;
      text?: string;
      teaser?: string | null;
      status?: ArticleStatus;
      type?: ArticleType;
      publishedAt?: Date | null;
      section?: Section;
      series?: Series;
      image?: Image;
      tags?: Tag[];
      authors?: Author[];
      deletedAt?: Date;
      createdById?: string;
      /** BCP 47; absent means the publication's. */
      language?: string;
    } = {},
  ): Promise<Article> {
    const id = unique();
    const status = options.status ?? 'PUBLISHED';
    const publishedAt = options.publishedAt === undefined ? (status === 'PUBLISHED' ? new Date() : null) : options.publishedAt;
    const text = options.text ?? `Body of article ${id}.`;
    return this.prisma.article.create({
      data: {
        headline: options.headline ?? `Headline ${id}`,
        slug: options.slug ?? `article-${id}`,
        dek: options.dek ?? null,
        teaser: options.teaser ?? null,
        language: options.language ?? null,
        body: [{ type: 'paragraph', text }],
        // What an editor's save derives (article-derivation.ts), so factory rows read like real ones.
        ...deriveArticleFields(
          {
            type: options.type ?? 'NEWS',
            teaser: options.teaser ?? null,
            language: options.language,
            body: [{ type: 'paragraph', text }],
          },
          { sectionName: options.section?.name ?? null },
          DERIVATION_SETTINGS,
        ),
        status,
        type: options.type ?? 'NEWS',
        publishedAt,
        deletedAt: options.deletedAt ?? null,
        createdById: options.createdById ?? null,
        sectionId: options.section?.id,
        seriesId: options.series?.id,
        featuredImageId: options.image?.id,
        tags: { create: (options.tags ?? []).map((tag, position) => ({ tagId: tag.id, position })) },
        authors: { create: (options.authors ?? []).map((author, position) => ({ authorId: author.id, position })) },
      },
    });
  }
}
