import { readFileSync } from 'node:fs';

// Docker cannot run on the test machines, so these read what the image and compose file promise.
const dockerfile = readFileSync('Dockerfile', 'utf8');
const compose = readFileSync('docker-compose.yml', 'utf8');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };

describe('deployment files', () => {
  it('build and run on Node 24, and declare 22 and 24 LTS first', () => {
    expect([...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1])).toEqual([
      'node:24-bookworm-slim',
      'node:24-bookworm-slim',
    ]);
    expect(packageJson.engines.node).toMatch(/^\^22\.\d+\.\d+ \|\| \^24\.0\.0/);
  });

  it('run as the unprivileged node user, which owns the media directory', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^ENV DATA_DIR=\/data MEDIA_DIR=\/data\/media$/m);
    expect(runtime).toMatch(/^RUN mkdir -p \/data\/media && chown -R node:node \/data$/m);
    const user = runtime.indexOf('USER node');
    expect(user).toBeGreaterThan(runtime.indexOf('chown'));
    expect(runtime.slice(user)).not.toMatch(/\nUSER (?!node)/);
  });

  it('keep media and database data in volumes, and point PUBLIC_SITE_URL at the front-end', () => {
    expect(compose).toMatch(/^\s+- db-data:\/var\/lib\/postgresql\/data$/m);
    expect(compose).toMatch(/^\s+- media:\/data\/media$/m);
    expect(compose).toMatch(/^volumes:\n {2}db-data:\n {2}media:$/m);
    const site = /PUBLIC_SITE_URL: (.+)/.exec(compose)?.[1] ?? '';
    expect(site).not.toContain('3000');
    expect(compose).toMatch(/PUBLIC_API_URL: \$\{PUBLIC_API_URL:-http:\/\/localhost:3000\}/);
  });
});
