import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from './app-config.js';
import { envSchema } from './env.schema.js';

describe('loadConfig', () => {
  it('starts on embedded PostgreSQL with documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '0.0.0.0', port: 3000, workers: 1, trustProxy: false, publicMaxAge: 60 });
    expect(config.database.url).toBeUndefined();
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.database.seedDemoContent).toBe(true);
    expect(config.database.dataDir).toMatch(/\.data$/);
    expect(config.logLevel).toBe('info');
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it('uses DATABASE_URL when set, migrating only when asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/news', MIGRATE_ON_START: 'true', PORT: '8080' });
    expect(config.database).toMatchObject({ url: 'postgresql://u:p@db:5432/news', migrateOnStart: true, seedDemoContent: false });
    expect(config.http.port).toBe(8080);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/news' }).database.migrateOnStart).toBe(false);
  });

  it('names prepared statements on a server unless told not to, and never on the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/news' }).database.preparedStatements).toBe(true);
    const pooled = loadConfig({ DATABASE_URL: 'postgres://db/news', DATABASE_PREPARED_STATEMENTS: 'false' });
    expect(pooled.database.preparedStatements).toBe(false);
    // PGlite serves every connection in one session: a name one connection prepared is there for the next.
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'true' }).database.preparedStatements).toBe(false);
  });

  it('forks WEB_CONCURRENCY workers (auto: one per core) only on a server database with a shared APP_SECRET', () => {
    const server = { DATABASE_URL: 'postgres://db/news', APP_SECRET: 'a-secret-of-at-least-32-characters-0123' };
    expect(loadConfig({ ...server, WEB_CONCURRENCY: '4' }).http.workers).toBe(4);
    expect(loadConfig({ ...server, WEB_CONCURRENCY: 'auto' }).http.workers).toBe(availableParallelism());
    for (const bad of ['0', '65', '1.5', 'many']) {
      expect(() => loadConfig({ ...server, WEB_CONCURRENCY: bad })).toThrow(/WEB_CONCURRENCY/);
    }
    expect(() => loadConfig({ APP_SECRET: server.APP_SECRET, WEB_CONCURRENCY: '2' })).toThrow(
      /WEB_CONCURRENCY: above 1 needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: server.DATABASE_URL, WEB_CONCURRENCY: 'auto' })).toThrow(
      /APP_SECRET: is required when WEB_CONCURRENCY is above 1/,
    );
    // One process needs neither.
    expect(loadConfig({ WEB_CONCURRENCY: '1' }).http.workers).toBe(1);
  });

  it('takes read replicas as a comma list, and refuses them without DATABASE_URL', () => {
    const primary = 'postgresql://u:p@db:5432/news';
    expect(loadConfig({ DATABASE_URL: primary }).database.readUrls).toEqual([]);
    const config = loadConfig({ DATABASE_URL: primary, DATABASE_READ_URLS: ' postgresql://r1/news, postgres://r2:5433/news ' });
    expect(config.database.readUrls).toEqual(['postgresql://r1/news', 'postgres://r2:5433/news']);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URLS: 'mysql://r1/news' })).toThrow(/DATABASE_READ_URLS/);
    expect(() => loadConfig({ DATABASE_READ_URLS: 'postgresql://r1/news' })).toThrow(
      /DATABASE_READ_URLS: needs DATABASE_URL \(the embedded database has no replicas\)/,
    );
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db/x', LOG_LEVEL: 'loud', PUBLIC_SITE_URL: 'not a url' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((problem) => problem.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'PUBLIC_SITE_URL']);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:\n {2}- /);
  });

  it('lets any origin read the public API by default, and no origin call the admin API', () => {
    expect(loadConfig({}).cors).toEqual({ publicOrigins: '*', adminOrigins: [] });
    const listed = loadConfig({
      CORS_ORIGINS: ' https://www.example.com, http://localhost:5173/ ',
      ADMIN_CORS_ORIGINS: 'https://Studio.example.com',
    });
    expect(listed.cors).toEqual({
      publicOrigins: ['https://www.example.com', 'http://localhost:5173'],
      adminOrigins: ['https://studio.example.com'],
    });
  });

  it('refuses CORS entries that are not bare origins, and * for the admin API', () => {
    for (const [name, value] of [
      ['CORS_ORIGINS', 'https://www.example.com/app'],
      ['CORS_ORIGINS', 'www.example.com'],
      ['ADMIN_CORS_ORIGINS', '*'],
      ['ADMIN_CORS_ORIGINS', 'ftp://files.example.com'],
    ] as const) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}\\.0: must be`));
    }
  });

  it('serves the GraphQL IDE outside production unless told otherwise', () => {
    expect(loadConfig({}).graphql.ide).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.ide).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_IDE: 'true' }).graphql.ide).toBe(true);
    expect(loadConfig({ GRAPHQL_IDE: 'false' }).graphql.ide).toBe(false);
  });

  it('reads EMBED_HOSTS as lower-cased host names, with the default players otherwise', () => {
    expect(loadConfig({ EMBED_HOSTS: ' charts.example.org, Maps.Example.org ' }).embeds.hosts).toEqual([
      'charts.example.org',
      'maps.example.org',
    ]);
    expect(loadConfig({}).embeds.hosts).toContain('www.youtube-nocookie.com');
    expect(() => loadConfig({ EMBED_HOSTS: 'https://www.youtube.com/' })).toThrow(/EMBED_HOSTS/);
  });

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback,2001:db8::1' }).http.trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '2001:db8::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33,proxy.example.com' })).toThrow(
      /TRUST_PROXY: not a hop count, address or CIDR: 10.0.0.0\/33, proxy.example.com/,
    );
  });

  it('names the publication after the site unless PUBLICATION_NAME says otherwise, in a canonical BCP 47 language', () => {
    expect(loadConfig({ PUBLIC_SITE_URL: 'https://news.example.com/' }).publication).toEqual({
      name: 'news.example.com',
      language: 'en',
    });
    expect(loadConfig({ PUBLICATION_NAME: 'Foreign Desk', PUBLICATION_LANGUAGE: 'pt-br' }).publication).toEqual({
      name: 'Foreign Desk',
      language: 'pt-BR',
    });
    expect(() => loadConfig({ PUBLICATION_LANGUAGE: 'english' })).toThrow(/PUBLICATION_LANGUAGE: must be a BCP 47 language tag/);
    expect(() => loadConfig({ PUBLICATION_LANGUAGE: 'en_US' })).toThrow(/PUBLICATION_LANGUAGE/);
  });

  it('takes a front-end preview page only with a {token} in it', () => {
    expect(loadConfig({}).site.previewUrlPattern).toBeNull();
    expect(loadConfig({ PREVIEW_URL_PATTERN: '/preview/{slug}?t={token}' }).site.previewUrlPattern).toBe(
      '/preview/{slug}?t={token}',
    );
    expect(() => loadConfig({ PREVIEW_URL_PATTERN: '/preview/{slug}' })).toThrow(/PREVIEW_URL_PATTERN: must contain \{token\}/);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).http.port).toBe(3000);
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the schema reads, with values it accepts', () => {
    const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const entries = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(entries).sort()).toEqual(Object.keys(envSchema.shape).sort());
    expect(() => loadConfig(entries)).not.toThrow();
  });
});
