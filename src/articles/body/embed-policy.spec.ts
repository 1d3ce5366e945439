import { DEFAULT_EMBED_HOSTS } from '../../config/env.schema.js';
import type { ArticleBody } from './article-body.schema.js';
import { IFRAME_SANDBOX, sanitizeBodyEmbeds, sanitizeEmbedHtml } from './embed-policy.js';

const DEFAULTS = { hosts: DEFAULT_EMBED_HOSTS };
const clean = (html: string) => sanitizeEmbedHtml(html, DEFAULTS);
const YOUTUBE = 'https://www.youtube.com/embed/abc';

describe('embed policy', () => {
  it('keeps an iframe from each default provider, always sandboxed', () => {
    for (const src of [
      YOUTUBE,
      'https://www.youtube-nocookie.com/embed/abc',
      'https://player.vimeo.com/video/1',
      'https://platform.twitter.com/embed/Tweet.html?id=1',
      'https://www.instagram.com/p/abc/embed',
      'https://datawrapper.dwcdn.net/abc/1/',
      'https://flo.uri.sh/visualisation/1/embed',
      'https://public.flourish.studio/visualisation/1/',
      'https://w.soundcloud.com/player/?url=x',
      'https://open.spotify.com/embed/track/1',
    ]) {
      expect(clean(`<iframe src="${src}"></iframe>`)).toBe(
        `<iframe src="${src.replace('&', '&amp;')}" sandbox="${IFRAME_SANDBOX}"></iframe>`,
      );
    }
  });

  it.each([
    ['another host', '<iframe src="https://evil.example/x"></iframe>'],
    ['a look-alike host', '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>'],
    ['userinfo before another host', '<iframe src="https://www.youtube.com@evil.example/embed/x"></iframe>'],
    ['a subdomain not listed', '<iframe src="https://evil.player.vimeo.com/video/1"></iframe>'],
    ['plain http', '<iframe src="http://www.youtube.com/embed/x"></iframe>'],
    ['protocol-relative', '<iframe src="//www.youtube.com/embed/x"></iframe>'],
    ['javascript:', '<iframe src="javascript:alert(1)"></iframe>'],
    ['srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ])('drops an iframe from %s', (_name, html) => {
    expect(clean(html)).toBe('');
  });

  it('removes scripts, event handlers, styles and javascript: links', () => {
    const html = clean(
      '<script>alert(1)</script><blockquote class="twitter-tweet" onclick="x()" style="color:red">' +
        '<p onmouseover="y()">Hi</p><a href="javascript:alert(2)">t</a></blockquote><img src=x onerror=alert(3)>' +
        `<iframe src="${YOUTUBE}" onload="z()"></iframe>`,
    );
    expect(html).toBe(
      `<blockquote class="twitter-tweet"><p>Hi</p><a>t</a></blockquote><iframe src="${YOUTUBE}" sandbox="${IFRAME_SANDBOX}"></iframe>`,
    );
  });

  it('keeps only playback features in allow=, replaces any sandbox and bounds the size', () => {
    const html = clean(
      `<iframe src="${YOUTUBE}" width="99999" height="50%" sandbox="allow-top-navigation allow-forms" ` +
        `allow="camera; microphone; geolocation *; usb; payment; autoplay 'self'; fullscreen; encrypted-media; picture-in-picture; autoplay" allowfullscreen></iframe>`,
    );
    expect(html).toBe(
      `<iframe src="${YOUTUBE}" width="2000" height="50%" allow="autoplay; fullscreen; encrypted-media; picture-in-picture" ` +
        `allowfullscreen sandbox="${IFRAME_SANDBOX}"></iframe>`,
    );
    expect(clean(`<iframe src="${YOUTUBE}" width="calc(100vw)" height="250%" allow="camera"></iframe>`)).toBe(
      `<iframe src="${YOUTUBE}" height="100%" sandbox="${IFRAME_SANDBOX}"></iframe>`,
    );
  });

  it('follows the configured hosts, not the defaults', () => {
    const only = { hosts: ['charts.example.org'] };
    expect(sanitizeEmbedHtml(`<iframe src="${YOUTUBE}"></iframe>`, only)).toBe('');
    expect(sanitizeEmbedHtml('<iframe src="https://charts.example.org/1"></iframe>', only)).toContain('sandbox=');
  });

  it('is idempotent, so re-sanitising stored markup changes nothing', () => {
    const once = clean(
      `<p lang="en">a &amp; b&nbsp;c<br></p><iframe src="${YOUTUBE}?a=1&b=2" title="T &quot;x&quot;" width="560" allow="camera; autoplay"></iframe>`,
    );
    expect(clean(once)).toBe(once);
  });

  it('sanitises the embeds of a body and leaves every other block alone', () => {
    const body = [
      { type: 'paragraph', text: '<script>kept as text</script>' },
      {
        type: 'embed',
        url: 'https://x.com/a/status/1',
        html: '<script>gone</script><blockquote class="twitter-tweet">t</blockquote>',
      },
      { type: 'embed', url: 'https://evil.example/', html: '<iframe src="https://evil.example/"></iframe>' },
      { type: 'embed', url: 'https://youtu.be/abc' },
    ] as ArticleBody;
    expect(sanitizeBodyEmbeds(body, DEFAULTS)).toEqual([
      body[0],
      { type: 'embed', url: 'https://x.com/a/status/1', html: '<blockquote class="twitter-tweet">t</blockquote>' },
      { type: 'embed', url: 'https://evil.example/' },
      body[3],
    ]);
  });
});
