// What the benchmark database holds: reference rows (images, authors, tags, sections, series) built
// once, and articles built one at a time from their index, each from its own seeded stream, so a
// batch can be generated without generating everything before it. Rows use the database's column
// names, ready for json_to_recordset.
import type { ArticleBody } from '../../src/articles/body/article-body.schema.js';
import { referencedImageIds } from '../../src/articles/body/article-body.images.js';
import { toGlobalId } from '../../src/common/global-id.js';
import { slugify } from '../../src/common/slug.js';
import type { Derive } from './derivation.js';
import { mixSeed, Rng, streamSeed, WeightedSampler, ZipfSampler } from './prng.js';
import { capitalise, NEWS_WORD_RANGE, TextGenerator, VOCABULARY } from './text.js';

export const SIZES = { authors: 200, tags: 2000, series: 40, images: 5000 } as const;

// A fixed clock, never Date.now(): the data must not depend on when it was generated.
const ARCHIVE_END = Date.UTC(2026, 10, 1);
const ARCHIVE_START = Date.UTC(2020, 10, 1);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Timestamped = { created_at: string; updated_at: string };

export interface ImageRow extends Timestamped {
  id: string;
  url: string;
  width: number;
  height: number;
  alt_text: string;
  caption: string;
  credit: string;
}

export interface AuthorRow extends Timestamped {
  id: string;
  slug: string;
  name: string;
  title: string;
  bio: string;
  avatar_id: string | null;
  social_links: { network: string; url: string }[];
}

export interface TaxonomyRow extends Timestamped {
  id: string;
  slug: string;
  name: string;
  description: string | null;
}

export interface SectionRow extends TaxonomyRow {
  position: number;
}

export interface ArticleRow extends Timestamped {
  id: string;
  slug: string;
  headline: string;
  dek: string | null;
  body: ArticleBody;
  body_text: string;
  teaser: string | null;
  type: (typeof ARTICLE_TYPES)[number];
  status: 'PUBLISHED';
  section_id: string;
  series_id: string | null;
  featured_image_id: string | null;
  published_at: string;
  word_count: number;
  reading_time_minutes: number;
  // Derived at write time, as the app's save does (article-derivation.ts).
  display_teaser: string | null;
  display_label: string;
  body_html: string;
  body_xml: string;
  body_digest: string;
  derived_version: number;
  seo_title: string | null;
  seo_description: string | null;
  version: number;
  public_updated_at: string;
}

/** image_usages: the images an article's live content shows (featured and in the body), as every save writes them. */
export interface ImageUsageRow extends Timestamped {
  image_id: string;
  article_id: string;
  used_as: 'featured' | 'body';
  source: 'live';
}

/** A byline or tag link, with the article's published_at copied as the triggers would. */
export interface LinkRow extends Timestamped {
  article_id: string;
  author_id?: string;
  tag_id?: string;
  position: number;
  published_at: string;
}

export interface ReferenceData {
  images: ImageRow[];
  authors: AuthorRow[];
  tags: TaxonomyRow[];
  sections: SectionRow[];
  series: TaxonomyRow[];
}

export interface GeneratedArticle {
  article: ArticleRow;
  authorLinks: LinkRow[];
  tagLinks: LinkRow[];
  imageUsages: ImageUsageRow[];
}

const SECTIONS: [name: string, weight: number][] = [
  ['World', 18],
  ['Politics', 16],
  ['Business', 12],
  ['Europe', 9],
  ['Middle East', 8],
  ['Technology', 8],
  ['Africa', 6],
  ['Science', 5],
  ['Climate', 5],
  ['Health', 5],
  ['Culture', 5],
  ['Sport', 3],
];

export const ARTICLE_TYPES = ['NEWS', 'ANALYSIS', 'OPINION', 'BRIEF', 'FEATURE', 'INTERVIEW', 'EXPLAINER', 'REVIEW'] as const;
const TYPE_WEIGHTS = [55, 12, 10, 8, 6, 3, 4, 2];

const FIRST_NAMES = `Amina James Sofia Daniel Fatima Lucas Olga Samuel Priya Thomas Leila Marco Hannah Kwame Elena David
Mariam Jonas Chloe Ibrahim Anna Pedro Yuki Omar Clara Viktor Grace Ahmed Nadia Felix Ruth Tariq Ingrid Mateo Zainab
Oliver Irina Kofi Laura Hassan`.split(/\s+/);
const LAST_NAMES = `Okafor Smith Rossi Nguyen Haddad Kowalski Mensah Schmidt Garcia Petrov Ali Johansson Dubois Tanaka
Mwangi Silva Novak Cohen Khan Brown Ivanova Diallo Martin Fischer Lopez Sato Osei Moreau Popescu Evans Rahman Costa
Lindqvist Mbeki Wright Horvat Abebe Klein Moretti Walker`.split(/\s+/);
const AUTHOR_TITLES = [
  'Reporter',
  'Senior correspondent',
  'Foreign correspondent',
  'Political editor',
  'Economics editor',
  'Columnist',
];
const SERIES_SUFFIXES = ['Watch', 'Briefing', 'Dispatch', 'Explained', 'Diary', 'Files', 'Weekly', 'Notebook'];
const CREDITS = ['REUTERS/{name}', 'AP Photo/{name}', '{name}/AFP via Getty Images', 'Newsdesk/{name}', 'EPA-EFE/{name}'];
const IMAGE_SHAPES: [width: number, height: number][] = [
  [1200, 800],
  [1600, 900],
  [2048, 1365],
  [1200, 900],
];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** The first free slug among base, base-2, base-3... as the app's uniqueSlug picks them. */
function claimSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Reference rows are created before the archive starts, so no article predates its tags or byline. */
function referenceTimes(rng: Rng): Timestamped {
  const created = ARCHIVE_START - rng.int(1, 730) * DAY + rng.int(0, DAY);
  return { created_at: iso(created), updated_at: iso(created + rng.int(0, 30) * DAY) };
}

export function buildReferenceData(seed: number): ReferenceData {
  const images = buildImages(new Rng(streamSeed(seed, 'images')));
  return {
    images,
    authors: buildAuthors(new Rng(streamSeed(seed, 'authors')), images),
    tags: buildTags(new Rng(streamSeed(seed, 'tags'))),
    sections: buildSections(new Rng(streamSeed(seed, 'sections'))),
    series: buildSeries(new Rng(streamSeed(seed, 'series'))),
  };
}

// Uploaded steadily over the archive, in id order, so an article can use a recent photo.
function buildImages(rng: Rng): ImageRow[] {
  const text = new TextGenerator(rng);
  const span = ARCHIVE_END - ARCHIVE_START;
  return Array.from({ length: SIZES.images }, (_, i) => {
    const created = ARCHIVE_START - 30 * DAY + Math.floor((span * (i + rng.next())) / SIZES.images);
    const [width, height] = rng.pick(IMAGE_SHAPES);
    const alt = text.title(5, 12);
    const month = iso(created).slice(0, 7).replace('-', '/');
    return {
      id: rng.uuidV7(created),
      url: `https://images.example.com/${month}/${slugify(alt, 60)}-${i + 1}.jpg`,
      width,
      height,
      alt_text: alt,
      caption: text.sentence(12, 35),
      credit: rng.pick(CREDITS).replace('{name}', personName(rng)),
      created_at: iso(created),
      updated_at: iso(created),
    };
  });
}

function buildAuthors(rng: Rng, images: ImageRow[]): AuthorRow[] {
  const text = new TextGenerator(rng);
  const slugs = new Set<string>();
  return Array.from({ length: SIZES.authors }, () => {
    const times = referenceTimes(rng);
    const name = personName(rng);
    const slug = claimSlug(slugify(name), slugs);
    const title = rng.pick(AUTHOR_TITLES);
    const section = rng.pick(SECTIONS)[0];
    const socialLinks = rng.chance(0.5) ? [{ network: 'x', url: `https://x.com/${slug.replace(/-/g, '_')}` }] : [];
    if (rng.chance(0.3)) socialLinks.push({ network: 'linkedin', url: `https://www.linkedin.com/in/${slug}` });
    return {
      id: rng.uuidV7(Date.parse(times.created_at)),
      slug,
      name,
      title,
      bio: `${name} is a ${title.toLowerCase()} covering ${section}. ${text.sentence(10, 25)}`,
      avatar_id: rng.chance(0.7) ? rng.pick(images).id : null,
      social_links: socialLinks,
      ...times,
    };
  });
}

// Named from news words, most popular first: the tag drawn most often is a plausible topic.
function buildTags(rng: Rng): TaxonomyRow[] {
  const text = new TextGenerator(rng);
  const slugs = new Set<string>();
  const tags: TaxonomyRow[] = [];
  while (tags.length < SIZES.tags) {
    const first = VOCABULARY[rng.int(NEWS_WORD_RANGE.start, NEWS_WORD_RANGE.end - 1)];
    const name = tags.length < 200 ? first.toLowerCase() : `${text.contentWord()} ${first}`.toLowerCase();
    const base = slugify(name);
    if (slugs.has(base)) continue;
    const times = referenceTimes(rng);
    tags.push({
      id: rng.uuidV7(Date.parse(times.created_at)),
      slug: claimSlug(base, slugs),
      name,
      description: rng.chance(0.3) ? text.sentence(8, 20) : null,
      ...times,
    });
  }
  return tags;
}

function buildSections(rng: Rng): SectionRow[] {
  const text = new TextGenerator(rng);
  return SECTIONS.map(([name], position) => {
    const times = referenceTimes(rng);
    return {
      id: rng.uuidV7(Date.parse(times.created_at)),
      slug: slugify(name),
      name,
      description: `News and analysis: ${name}. ${text.sentence(6, 14)}`,
      position: position + 1,
      ...times,
    };
  });
}

function buildSeries(rng: Rng): TaxonomyRow[] {
  const text = new TextGenerator(rng);
  const slugs = new Set<string>();
  const series: TaxonomyRow[] = [];
  while (series.length < SIZES.series) {
    const topic = capitalise(VOCABULARY[rng.int(NEWS_WORD_RANGE.start, NEWS_WORD_RANGE.end - 1)]);
    const name = `${topic} ${rng.pick(SERIES_SUFFIXES)}`;
    if (slugs.has(slugify(name))) continue;
    const times = referenceTimes(rng);
    series.push({
      id: rng.uuidV7(Date.parse(times.created_at)),
      slug: claimSlug(slugify(name), slugs),
      name,
      description: text.sentence(10, 25),
      ...times,
    });
  }
  return series;
}

/** Builds article number `index` (0-based) of `total`; articles are in publication order. */
export class ArticleFactory {
  private readonly sectionSampler = new WeightedSampler(SECTIONS.map(([, weight]) => weight));
  private readonly typeSampler = new WeightedSampler(TYPE_WEIGHTS);
  private readonly bylineSampler = new WeightedSampler([70, 22, 8]);
  // Skewed so a few prolific authors and hot tags have thousands of articles at 100k.
  private readonly authorSampler = new ZipfSampler(SIZES.authors, 0.8, 16);
  private readonly tagSampler = new ZipfSampler(SIZES.tags, 0.8, 20);
  private readonly seriesSampler = new ZipfSampler(SIZES.series, 0.7, 16);

  constructor(
    private readonly seed: number,
    private readonly total: number,
    private readonly ref: ReferenceData,
    private readonly derive: Derive,
  ) {}

  build(index: number): GeneratedArticle {
    const rng = new Rng(mixSeed(this.seed, index, 0xa471c1e5));
    const text = new TextGenerator(rng);
    const span = ARCHIVE_END - ARCHIVE_START;
    // Evenly spread with jitter inside each slot: monotonic in index, like an archive written in order.
    const published = ARCHIVE_START + Math.floor((span * (index + rng.next())) / this.total);
    const created = published - rng.int(10 * MINUTE, 3 * DAY);
    const edited = rng.chance(0.3);
    const updated = edited ? published + rng.int(5 * MINUTE, 3 * DAY) : published;
    const id = rng.uuidV7(created);
    const type = ARTICLE_TYPES[this.typeSampler.sample(rng)];
    const headline = text.title(6, 13);
    const dek = rng.chance(0.85) ? text.sentence(14, 30) : null;
    const body = this.body(rng, text, published);
    const seo = rng.chance(0.1);
    const times = { created_at: iso(created), updated_at: iso(updated) };
    const slug = `${slugify(headline, 80)}-${index + 1}`;
    // Mostly null: the shown teaser is then the start of the body, as for most real articles.
    const teaser = rng.chance(0.25) ? text.sentence(20, 40) : null;
    const section = this.ref.sections[this.sectionSampler.sample(rng)];
    const seriesId = rng.chance(0.2) ? this.ref.series[this.seriesSampler.sample(rng)].id : null;
    const featuredImageId = rng.chance(0.85) ? this.recentImage(rng, published).id : null;
    const derived = this.derive({ type, teaser, body }, section.name);
    const article: ArticleRow = {
      id,
      // The index keeps slugs unique without a lookup; many news sites put an id in the slug too.
      slug,
      headline,
      dek,
      body,
      body_text: derived.bodyText,
      teaser,
      type,
      status: 'PUBLISHED',
      section_id: section.id,
      series_id: seriesId,
      featured_image_id: featuredImageId,
      published_at: iso(published),
      word_count: derived.wordCount,
      reading_time_minutes: derived.readingTimeMinutes,
      display_teaser: derived.displayTeaser,
      display_label: derived.displayLabel,
      body_html: derived.bodyHtml,
      body_xml: derived.bodyXml,
      body_digest: derived.bodyDigest,
      derived_version: derived.derivedVersion,
      seo_title: seo ? headline.slice(0, 70) : null,
      seo_description: seo ? (dek ?? text.sentence(14, 30)) : null,
      version: edited ? rng.int(3, 9) : rng.int(1, 4),
      // Every edit of a generated article was published at once: the public version is the last update.
      public_updated_at: times.updated_at,
      ...times,
    };
    const link = (position: number) => ({ article_id: id, position, published_at: article.published_at, ...times });
    const authorCount = type === 'OPINION' ? 1 : 1 + this.bylineSampler.sample(rng);
    const authorLinks = this.distinct(rng, this.authorSampler, authorCount).map((i, position) => ({
      ...link(position),
      author_id: this.ref.authors[i].id,
    }));
    const tagLinks = this.distinct(rng, this.tagSampler, rng.int(2, 6)).map((i, position) => ({
      ...link(position),
      tag_id: this.ref.tags[i].id,
    }));
    const usage = (image_id: string, used_as: ImageUsageRow['used_as']): ImageUsageRow => ({
      image_id,
      article_id: id,
      used_as,
      source: 'live',
      ...times,
    });
    const imageUsages = [
      ...(featuredImageId ? [usage(featuredImageId, 'featured')] : []),
      ...referencedImageIds(body).map((imageId) => usage(imageId, 'body')),
    ];
    return { article, authorLinks, tagLinks, imageUsages };
  }

  /** Paragraphs of ~1,000 words in all, with the headings, quotes, lists and photos real copy has. */
  private body(rng: Rng, text: TextGenerator, published: number): ArticleBody {
    const targetWords = rng.int(800, 1200);
    const extras = { quote: rng.chance(0.3), list: rng.chance(0.15), image: rng.chance(0.2) };
    const blocks: ArticleBody = [];
    let words = 0;
    let sinceHeading = 0;
    while (words < targetWords) {
      const progress = words / targetWords;
      if (extras.image && progress > 0.25) {
        extras.image = false;
        const image = this.recentImage(rng, published);
        // By reference, as an editor inserts a library photo: file, size and texts come from the image.
        blocks.push({ type: 'image', imageId: toGlobalId('Image', image.id) });
      }
      if (extras.quote && progress > 0.4) {
        extras.quote = false;
        const quote = text.sentence(12, 30);
        blocks.push({ type: 'quote', text: quote, attribution: personName(rng) });
        words += quote.split(' ').length;
      }
      if (extras.list && progress > 0.55) {
        extras.list = false;
        const items = Array.from({ length: rng.int(3, 5) }, () => text.sentence(5, 12));
        blocks.push({ type: 'list', style: 'bulleted', items });
        words += items.join(' ').split(' ').length;
      }
      if (sinceHeading >= 3 && rng.chance(0.2)) {
        const heading = text.title(3, 7);
        blocks.push({ type: 'heading', level: 2, text: heading });
        words += heading.split(' ').length;
        sinceHeading = 0;
      }
      const paragraph = text.paragraph();
      blocks.push({ type: 'paragraph', text: paragraph });
      words += paragraph.split(' ').length;
      sinceHeading++;
    }
    return blocks;
  }

  // A photo uploaded shortly before publication, as a picture desk would pick it.
  private recentImage(rng: Rng, published: number): ImageRow {
    const position = (published - ARCHIVE_START) / (ARCHIVE_END - ARCHIVE_START);
    const newest = Math.min(SIZES.images - 1, Math.floor(position * SIZES.images));
    return this.ref.images[Math.max(0, newest - rng.int(0, 40))];
  }

  private distinct(rng: Rng, sampler: ZipfSampler, count: number): number[] {
    const picked: number[] = [];
    while (picked.length < count) {
      const index = sampler.sample(rng);
      if (!picked.includes(index)) picked.push(index);
    }
    return picked;
  }
}
