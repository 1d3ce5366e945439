import { createHash } from 'node:crypto';
import type { AppConfig } from '../../config/app-config.js';
import type { ArticleType } from '../../generated/prisma/client.js';
import type { ArticleBody } from '../body/article-body.schema.js';
import { renderBodyHtml, type RenderableImage } from '../body/article-body.renderer.js';
import { analyseBody, deriveTeaser } from '../body/article-body.text.js';
import { searchConfigFor } from '../search/text-search-config.js';
import { feedBodyFields } from './feed-body-fields.js';

/**
 * The version of the derivation code below. Bump it whenever a change here (or in the renderer, the
 * teaser or the text analysis) would write something different: stored rows of other versions are
 * then re-derived in the background (ArticleDerivationService).
 */
const DERIVATION_CODE_VERSION = 3;

/**
 * The configuration that shapes derived output: which hosts embeds may frame, and the publication's
 * language (the search configuration of articles without their own).
 */
export interface DerivationSettings extends Pick<AppConfig, 'embeds'> {
  readonly publication: Pick<AppConfig['publication'], 'language'>;
}

/**
 * What a stored row's derived_version must equal to be current: the code version and a fingerprint of
 * the settings, so changing EMBED_HOSTS or PUBLICATION_LANGUAGE re-derives the archive too. A positive
 * 31-bit integer.
 */
export function derivationVersion(settings: DerivationSettings): number {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([DERIVATION_CODE_VERSION, settings.embeds, settings.publication.language]))
    .digest()
    .readUInt32BE(0);
  return (fingerprint % 0x7fff_ffff) + 1;
}

const TYPE_LABELS: Record<ArticleType, string> = {
  NEWS: 'News',
  ANALYSIS: 'Analysis',
  OPINION: 'Opinion',
  BRIEF: 'Brief',
  FEATURE: 'Feature',
  INTERVIEW: 'Interview',
  EXPLAINER: 'Explainer',
  REVIEW: 'Review',
};

/** What the derived fields are computed from: the article's own live content... */
export interface DerivationSource {
  readonly type: ArticleType;
  readonly teaser: string | null;
  readonly body: ArticleBody;
  readonly label?: string | null;
  /** BCP 47; null or absent means the publication's. */
  readonly language?: string | null;
}

/** ...and what it depends on elsewhere: when one of these changes, the article is re-derived. */
export interface DerivationDependencies {
  /** The name of the article's section, null without one or when the section is in the trash. */
  readonly sectionName: string | null;
  /** The library images the body shows, by uuid (articles/body/body-images.service.ts); a missing one renders nothing. */
  readonly images?: ReadonlyMap<string, RenderableImage>;
}

/** Columns of `articles` written from the live content at every write, never computed on a read. */
export interface DerivedArticleFields {
  displayTeaser: string | null;
  displayLabel: string;
  bodyHtml: string;
  /** bodyHtml as RSS and Atom write it (escaped as XML text), and its digest (the feeds' ETag input). */
  bodyXml: string;
  bodyDigest: string;
  bodyText: string;
  wordCount: number;
  readingTimeMinutes: number;
  /** The text-search configuration search_vector is built with (articles/search/text-search-config.ts). */
  searchConfig: string;
  derivedVersion: number;
}

/** "Analysis | Africa": the editor's label when set, else the type and the section. */
export function deriveLabel(type: ArticleType, label: string | null | undefined, sectionName: string | null): string {
  if (label?.trim()) return label.trim();
  return sectionName ? `${TYPE_LABELS[type]} | ${sectionName}` : TYPE_LABELS[type];
}

export function deriveArticleFields(
  source: DerivationSource,
  dependencies: DerivationDependencies,
  settings: DerivationSettings,
): DerivedArticleFields {
  const stats = analyseBody(source.body);
  const bodyHtml = renderBodyHtml(source.body, { embeds: settings.embeds, images: dependencies.images });
  return {
    displayTeaser: source.teaser?.trim() ? source.teaser : deriveTeaser(source.body),
    displayLabel: deriveLabel(source.type, source.label, dependencies.sectionName),
    bodyHtml,
    ...feedBodyFields(bodyHtml),
    bodyText: stats.text,
    wordCount: stats.wordCount,
    readingTimeMinutes: stats.readingTimeMinutes,
    searchConfig: searchConfigFor(source.language ?? settings.publication.language),
    derivedVersion: derivationVersion(settings),
  };
}
