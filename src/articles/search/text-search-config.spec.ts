import { derivationVersion, deriveArticleFields } from '../derivation/article-derivation.js';
import { SEARCH_CONFIGS, searchConfigFor } from './text-search-config.js';
import { articleSearch } from './text-search-query.js';

describe('text-search configuration of a language', () => {
  it('stems by the primary language subtag, whatever the region or script', () => {
    expect(searchConfigFor('fr')).toBe('french');
    expect(searchConfigFor('pt-BR')).toBe('portuguese');
    expect(searchConfigFor('en-GB')).toBe('english');
    expect(searchConfigFor('sr-Latn-RS')).toBe('serbian');
    expect(searchConfigFor('nb')).toBe('norwegian');
  });

  it("falls back to 'simple' for a language PostgreSQL has no configuration for", () => {
    expect(searchConfigFor('sw')).toBe('simple');
    expect(searchConfigFor('zh-Hant-TW')).toBe('simple');
    expect(searchConfigFor('gsw')).toBe('simple');
  });

  it('lists every configuration an article can be indexed with, once each', () => {
    expect(SEARCH_CONFIGS[0]).toBe('simple');
    expect(new Set(SEARCH_CONFIGS).size).toBe(SEARCH_CONFIGS.length);
    for (const language of ['fr', 'de', 'ru', 'sw']) expect(SEARCH_CONFIGS).toContain(searchConfigFor(language));
  });

  it("derives an article's configuration from its language, else the publication's", () => {
    const settings = { embeds: { hosts: [] }, publication: { language: 'de-AT' } } as never;
    const derive = (language?: string | null) =>
      deriveArticleFields({ type: 'NEWS', teaser: null, body: [], language }, { sectionName: null }, settings).searchConfig;
    expect(derive('es-MX')).toBe('spanish');
    expect(derive(null)).toBe('german');
    expect(derive(undefined)).toBe('german');
  });

  it('changes the derivation version with the publication language, so the archive is re-indexed', () => {
    const embeds = { hosts: [] } as never;
    expect(derivationVersion({ embeds, publication: { language: 'en' } })).not.toBe(
      derivationVersion({ embeds, publication: { language: 'fr' } }),
    );
  });

  it('parses a search once per configuration in use, with simple where the server lacks one, never with unknown names', () => {
    const { matches } = articleSearch('x', [
      { name: 'english', exists: true },
      { name: 'armenian', exists: false },
      { name: "x'; DROP TABLE articles; --", exists: true },
    ]);
    expect(matches.sql).toContain(`a.search_config = 'english' AND a.search_vector @@ websearch_to_tsquery('english'::regconfig`);
    expect(matches.sql).toContain(`a.search_config = 'armenian' AND a.search_vector @@ websearch_to_tsquery('simple'::regconfig`);
    expect(matches.sql).not.toContain('DROP');
    expect(articleSearch('x', []).matches.sql).toBe('false');
  });
});
