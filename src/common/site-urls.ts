import type { AppConfig } from '../config/app-config.js';

// Absolute public URLs of content on the publisher's front-end (not on this API), built from
// PUBLIC_SITE_URL and ARTICLE_URL_PATTERN so feeds, sitemaps and the API agree.
export function articleUrl(site: AppConfig['site'], article: { slug: string; sectionSlug?: string | null }): string {
  const path = site.articleUrlPattern
    .replaceAll('{slug}', encodeURIComponent(article.slug))
    .replaceAll('{section}', encodeURIComponent(article.sectionSlug ?? 'news'));
  return `${site.url}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** The front-end page that shows a draft to whoever holds the token; null when none is configured. */
export function previewUrl(site: AppConfig['site'], article: { slug: string; token: string }): string | null {
  if (!site.previewUrlPattern) return null;
  const target = site.previewUrlPattern
    .replaceAll('{slug}', encodeURIComponent(article.slug))
    .replaceAll('{token}', encodeURIComponent(article.token));
  if (/^https?:\/\//.test(target)) return target;
  return `${site.url}${target.startsWith('/') ? '' : '/'}${target}`;
}
