import type { AppConfig } from '../config/app-config.js';

// Links in mails point at this API (the /newsletter routes), not at the front-end. Its public origin
// is PUBLIC_API_URL, which the config exposes as the media base URL.
export function newsletterLink(config: AppConfig, route: 'confirm' | 'unsubscribe', token: string): string {
  const origin = config.media.publicUrl.replace(/\/media$/, '');
  return `${origin}/newsletter/${route}?token=${encodeURIComponent(token)}`;
}

export function siteName(config: AppConfig): string {
  return new URL(config.site.url).host;
}
