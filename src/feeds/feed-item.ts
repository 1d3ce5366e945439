// The format-neutral shape every serialiser (RSS, Atom, JSON Feed) reads. Every string here may
// come from an editor, so serialisers must escape all of them.
export interface FeedImage {
  readonly url: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly contentType: string | null;
  readonly caption: string | null;
  readonly credit: string | null;
}

export interface FeedItem {
  /** The article's public global id: stable across renames, never a URL. */
  readonly guid: string;
  readonly title: string;
  readonly url: string;
  readonly publishedAt: Date;
  readonly updatedAt: Date;
  readonly authors: readonly string[];
  readonly categories: readonly { readonly slug: string; readonly name: string }[];
  readonly summary: string | null;
  readonly image: FeedImage | null;
  /** Sanitised HTML; null when the reader may only see the teaser, or when contentXml carries it. */
  readonly contentHtml: string | null;
  /**
   * The same HTML already escaped as XML text (escapeXmlText), as stored when the article was
   * written: RSS and Atom write it as it is. Read for those formats only; JSON Feed reads contentHtml.
   */
  readonly contentXml?: string | null;
  /** BCP 47 tag of the article: its own, else the publication's. */
  readonly language: string;
}

export interface Feed {
  /** Stable identifier of the feed itself (Atom <id>). */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The public site the items link to. */
  readonly siteUrl: string;
  readonly publisher: string;
  /** BCP 47 tag of the publication (PUBLICATION_LANGUAGE). */
  readonly language: string;
  /** Newest item's update, or null for an empty feed. */
  readonly updatedAt: Date | null;
  readonly items: readonly FeedItem[];
}

export type FeedFormat = 'rss' | 'atom' | 'json';
