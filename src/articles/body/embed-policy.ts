import sanitizeHtml from 'sanitize-html';
import type { ArticleBody, BodyBlock } from './article-body.schema.js';

// The one sanitiser policy for third-party embed code. Embed HTML is sanitised when a body is saved
// (article-editor.repository.ts), so the public `body` JSON never carries what it removes, and the
// HTML renderer applies the same policy again as defence in depth. Both import it from here.
//
// - Tags: iframes and the blockquote markup X and Instagram hydrate; no scripts, styles or handlers.
// - Iframes: https only, only from the hosts in EMBED_HOSTS, always sandboxed, with `allow=` cut to
//   playback features (no camera, microphone, geolocation, payment...), and a bounded size.

export interface EmbedSettings {
  /** Exact host names iframes may load from: EMBED_HOSTS (defaults in config/env.schema.ts). */
  readonly hosts: readonly string[];
}

// What the players above need: scripts, their own origin (cookies, storage), popups for "watch on
// YouTube" links and the Presentation API. Never top navigation, forms or downloads.
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-presentation';
export const IFRAME_ALLOWED_FEATURES: readonly string[] = ['autoplay', 'fullscreen', 'encrypted-media', 'picture-in-picture'];
export const MAX_IFRAME_PIXELS = 2000;

export const EMBED_TAGS = ['iframe', 'blockquote', 'p', 'a', 'br', 'em', 'strong'];

export const EMBED_ATTRIBUTES: Record<string, string[]> = {
  iframe: ['src', 'title', 'width', 'height', 'allow', 'allowfullscreen', 'frameborder', 'loading', 'referrerpolicy', 'sandbox'],
  // Providers such as X and Instagram hydrate their blockquotes by class and data attributes.
  blockquote: ['class', 'cite', 'lang', 'data-*'],
  p: ['lang', 'dir'],
  a: ['href', 'rel'],
};

function isAbsoluteHttpUrl(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

export function linkRel(href: string): string | undefined {
  return isAbsoluteHttpUrl(href) ? 'noopener noreferrer' : undefined;
}

// Recomputed rather than trusted so every absolute link, ours or embedded, carries the same rel.
export function withLinkRel(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const rest = { ...attribs };
  delete rest.rel;
  const rel = rest.href === undefined ? undefined : linkRel(rest.href);
  return { tagName, attribs: rel === undefined ? rest : { ...rest, rel } };
}

// "camera; autoplay 'self'; fullscreen" -> "autoplay; fullscreen": features outside the list go,
// and so do origin lists (a feature then applies to the frame's own origin only).
function allowedFeatures(allow: string | undefined): string | undefined {
  const features = (allow ?? '')
    .split(';')
    .map((directive) => directive.trim().split(/\s+/)[0]!.toLowerCase())
    .filter((feature, index, all) => IFRAME_ALLOWED_FEATURES.includes(feature) && all.indexOf(feature) === index);
  return features.length > 0 ? features.join('; ') : undefined;
}

// Pixels up to the bound, or a percentage up to 100; anything else is dropped.
function boundedSize(value: string | undefined): string | undefined {
  const match = /^\s*(\d{1,6})(%|px)?\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (match[2] === '%') return amount <= 100 ? `${amount}%` : '100%';
  return String(Math.min(Math.max(amount, 1), MAX_IFRAME_PIXELS));
}

// A fixed attribute order keeps sanitising idempotent, so re-sanitised markup comes back unchanged.
function confinedIframe(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const confined: Record<string, string | undefined> = {
    src: attribs.src,
    title: attribs.title,
    width: boundedSize(attribs.width),
    height: boundedSize(attribs.height),
    allow: allowedFeatures(attribs.allow),
    allowfullscreen: attribs.allowfullscreen,
    frameborder: attribs.frameborder,
    loading: attribs.loading,
    referrerpolicy: attribs.referrerpolicy,
    sandbox: IFRAME_SANDBOX,
  };
  const present = Object.entries(confined).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { tagName, attribs: Object.fromEntries(present) };
}

function dropIframeWithoutSource(frame: sanitizeHtml.IFrame): boolean {
  // sanitize-html strips a disallowed src but keeps the element; an iframe with no source is noise.
  return frame.tag === 'iframe' && !frame.attribs.src;
}

// Options are built once per settings object (the frozen config), not per call.
const optionsBySettings = new WeakMap<EmbedSettings, sanitizeHtml.IOptions>();

/** The sanitize-html options of embed code; the body renderer extends them for whole bodies. */
export function embedSanitizeOptions(settings: EmbedSettings): sanitizeHtml.IOptions {
  let options = optionsBySettings.get(settings);
  if (!options) {
    options = {
      allowedTags: EMBED_TAGS,
      allowedAttributes: EMBED_ATTRIBUTES,
      allowedSchemes: ['https', 'http', 'mailto'],
      // An http iframe is mixed content: blocked by browsers at best, tamperable in transit at worst.
      allowedSchemesByTag: { iframe: ['https'] },
      allowProtocolRelative: false,
      allowIframeRelativeUrls: false,
      allowedIframeHostnames: [...settings.hosts],
      disallowedTagsMode: 'discard',
      transformTags: { a: withLinkRel, iframe: confinedIframe },
      exclusiveFilter: dropIframeWithoutSource,
    };
    optionsBySettings.set(settings, options);
  }
  return options;
}

export function sanitizeEmbedHtml(html: string, settings: EmbedSettings): string {
  return sanitizeHtml(html, embedSanitizeOptions(settings)).trim();
}

/** The body as it is stored: every embed's HTML sanitised (and dropped when nothing is left). */
export function sanitizeBodyEmbeds(body: ArticleBody, settings: EmbedSettings): ArticleBody {
  return body.map((block): BodyBlock => {
    if (block.type !== 'embed' || block.html === undefined) return block;
    const { html, ...rest } = block;
    const clean = sanitizeEmbedHtml(html, settings);
    return clean === '' ? rest : { ...rest, html: clean };
  });
}
