import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STUDIO_CSP } from '../../../src/studio/studio-static.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// The API serves the built Studio (global setup builds it when its sources changed).
describe('the Studio at /studio', () => {
  let t: TestApp;
  let assets: string[];

  beforeAll(async () => {
    t = await createTestApp();
    assets = await readdir(join('studio', 'dist', 'assets'));
  });
  afterAll(() => t.close());

  const get = (path: string, init?: RequestInit) => fetch(`${t.baseUrl}${path}`, { redirect: 'manual', ...init });

  it('GET / sends browsers to the Studio', async () => {
    const response = await get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/studio/');
  });

  it('serves index.html uncached, with the CSP, for the app and every client route', async () => {
    for (const path of ['/studio/', '/studio', '/studio/articles/some-id', '/studio/taxonomy/tags']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(STUDIO_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await response.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).toMatch(/<script type="module" crossorigin src="\/studio\/assets\/index-[\w-]+\.js"><\/script>/);
    }
    expect(STUDIO_CSP).toContain("script-src 'self'");
    expect(STUDIO_CSP).toContain("frame-ancestors 'none'");
  });

  it('serves hashed assets as immutable for a year, and a missing one as 404 (never the app)', async () => {
    const script = assets.find((file) => /^index-.*\.js$/.test(file))!;
    const response = await get(`/studio/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await get('/studio/assets/index-doesnotexist.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await get('/studio/', { method: 'POST' })).status).toBe(404);
  });

  it('loads nothing from the internet: no CDN, no web fonts', async () => {
    const html = await (await get('/studio/')).text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const file of assets.filter((name) => name.endsWith('.css'))) {
      const css = await readFile(join('studio', 'dist', 'assets', file), 'utf8');
      expect(css).not.toMatch(/@font-face|@import|url\(\s*['"]?https?:/);
    }
  });

  it('keeps the first screen under 300 KB of compressed JavaScript, with the editor in a chunk of its own', () => {
    const report = JSON.parse(execFileSync(process.execPath, ['scripts/studio-size.mjs', '--json'], { encoding: 'utf8' }));
    expect(report.firstScreenScriptGzipBytes).toBeLessThan(300 * 1024);
    expect(report.firstScreen.some((row: { file: string }) => row.file.includes('editor-screen'))).toBe(false);
    expect(report.lazy.some((row: { file: string }) => row.file.includes('editor-screen'))).toBe(true);
  });
});
