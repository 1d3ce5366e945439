// The PostgreSQL text-search configuration an article is indexed with, from its language: the
// built-in configuration that stems the language's primary subtag (SELECT cfgname FROM pg_ts_config),
// else 'simple' (lower-cased words, no stemming, no stop words), so "sw" or "ja" are still found word
// for word. Stored per article as articles.search_config (derived at write time); the database resolves
// the name with articles_search_regconfig(), which falls back to 'simple' on a server without it.
const CONFIG_BY_LANGUAGE: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  nb: 'norwegian',
  ne: 'nepali',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

export const FALLBACK_SEARCH_CONFIG = 'simple';

/** Every configuration an article can be indexed with; a search parses with those in use. */
export const SEARCH_CONFIGS: readonly string[] = [FALLBACK_SEARCH_CONFIG, ...new Set(Object.values(CONFIG_BY_LANGUAGE))];

/** `language` is a canonical BCP 47 tag (config/language-tag.ts): "pt-BR" is stemmed as Portuguese. */
export function searchConfigFor(language: string): string {
  return CONFIG_BY_LANGUAGE[new Intl.Locale(language).language] ?? FALLBACK_SEARCH_CONFIG;
}
