import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service.js';
import { BodyImagesService } from '../body/body-images.service.js';
import type { Tx } from '../../database/tx.js';
import { Prisma, type ArticleType } from '../../generated/prisma/client.js';
import { articleBodySchema } from '../body/article-body.schema.js';
import type { DerivationDependencies, DerivationSource, DerivedArticleFields } from './article-derivation.js';

/** One article's live content and what its derived fields depend on, as the derivation reads them. */
export interface DerivationInput {
  id: string;
  source: DerivationSource;
  dependencies: DerivationDependencies;
}

interface Row {
  id: string;
  type: ArticleType;
  teaser: string | null;
  label: string | null;
  language: string | null;
  body: unknown;
  section_name: string | null;
}

/** Which articles to (re)derive; `stale` means written by another derivation version than `version`. */
export type DerivationScope =
  | { kind: 'stale'; version: number }
  | { kind: 'never-derived' }
  | { kind: 'section'; sectionId: string }
  | { kind: 'image'; imageId: string };

// Reads and writes of the derived columns (article-derivation.ts) outside an editor's save: rows left
// by older derivation code, rows never derived (loaded past the app), and articles whose section was
// renamed or whose body shows an image that changed.
@Injectable()
export class ArticleDerivationRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly bodyImages: BodyImagesService,
  ) {}

  /** The next batch in `scope` after `afterId` (id order), locked for this transaction. */
  async claimBatch(tx: Tx, scope: DerivationScope, afterId: string | null, limit: number): Promise<DerivationInput[]> {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT a.id, a.type, a.teaser, a.label, a.language, a.body, s.name AS section_name
      FROM articles a LEFT JOIN sections s ON s.id = a.section_id AND s.deleted_at IS NULL
      WHERE ${this.condition(scope)} ${afterId ? Prisma.sql`AND a.id > ${afterId}::uuid` : Prisma.empty}
      ORDER BY a.id LIMIT ${limit}
      FOR UPDATE OF a ${this.skipsLocked(scope) ? Prisma.sql`SKIP LOCKED` : Prisma.empty}`;
    const bodies = rows.map((row) => articleBodySchema.parse(row.body));
    const images = await this.bodyImages.forBodies(bodies, tx);
    return rows.map((row, index) => ({
      id: row.id,
      source: { type: row.type, teaser: row.teaser, label: row.label, language: row.language, body: bodies[index]! },
      dependencies: { sectionName: row.section_name, images },
    }));
  }

  async write(tx: Tx, id: string, fields: DerivedArticleFields): Promise<void> {
    // Not through Prisma's update: updated_at tells editors and readers when content changed, and a
    // re-derivation changes no content.
    await tx.$executeRaw`
      UPDATE articles SET display_teaser = ${fields.displayTeaser}, display_label = ${fields.displayLabel},
        body_html = ${fields.bodyHtml}, body_xml = ${fields.bodyXml}, body_digest = ${fields.bodyDigest}, body_text = ${fields.bodyText}, word_count = ${fields.wordCount},
        reading_time_minutes = ${fields.readingTimeMinutes}, search_config = ${fields.searchConfig},
        derived_version = ${fields.derivedVersion}
      WHERE id = ${id}::uuid`;
  }

  async exists(scope: DerivationScope): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<unknown[]>`SELECT 1 FROM articles a WHERE ${this.condition(scope)} LIMIT 1`;
    return rows.length > 0;
  }

  // Backfills share rows between instances starting together; a dependency's articles are waited for,
  // since the row an editor is saving must still be re-derived once the save commits.
  private skipsLocked(scope: DerivationScope): boolean {
    return scope.kind === 'stale' || scope.kind === 'never-derived';
  }

  private condition(scope: DerivationScope): Prisma.Sql {
    if (scope.kind === 'never-derived') return Prisma.sql`a.body_html IS NULL`;
    if (scope.kind === 'stale') return Prisma.sql`(a.body_html IS NULL OR a.derived_version <> ${scope.version})`;
    if (scope.kind === 'image') {
      // Its live body shows it (image_usages is rewritten by every save).
      return Prisma.sql`a.id IN (SELECT u.article_id FROM image_usages u
        WHERE u.image_id = ${scope.imageId}::uuid AND u.used_as = 'body' AND u.source = 'live')`;
    }
    return Prisma.sql`a.section_id = ${scope.sectionId}::uuid`;
  }
}
