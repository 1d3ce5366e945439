import { Prisma } from '../../generated/prisma/client.js';
import { FALLBACK_SEARCH_CONFIG, SEARCH_CONFIGS } from './text-search-config.js';

/** A text-search configuration articles are indexed with, and whether this server has it. */
export interface ConfigInUse {
  name: string;
  /** False on an older PostgreSQL without it: the trigger indexed those articles with 'simple'. */
  exists: boolean;
}

/**
 * The configurations in use (a loose scan of articles_by_search_config_idx: one index probe per
 * configuration, whatever the archive's size).
 */
export const CONFIGS_IN_USE_SQL = Prisma.sql`
  WITH RECURSIVE used AS (
    (SELECT search_config FROM articles ORDER BY search_config LIMIT 1)
    UNION ALL
    SELECT (SELECT a.search_config FROM articles a WHERE a.search_config > used.search_config ORDER BY a.search_config LIMIT 1)
    FROM used WHERE used.search_config IS NOT NULL
  )
  SELECT u.search_config AS name, EXISTS (SELECT 1 FROM pg_ts_config c
    WHERE c.cfgname = u.search_config AND c.cfgnamespace = 'pg_catalog'::regnamespace) AS "exists"
  FROM used u WHERE u.search_config IS NOT NULL`;

// A reader's web-search query ("exact phrase", -exclude, or) over articles indexed each in their own
// language's text-search configuration (articles.search_config): each article is matched against
// the query as its own configuration parses it, so "élections" finds a French article's "élection",
// "elections" an English one's "election", and an exclusion ("-elections") holds in every language.
// One branch per configuration in use (CONFIGS_IN_USE_SQL, read first), with the parse as a constant:
// PostgreSQL parses each once when planning and estimates the matches from the statistics, so it
// plans as it did for the one 'english' query (the GIN index for rare words, the date index when
// matches are common). Branching over every configuration it knows would cost the planner's
// estimates that: 29 near-identical parses, each costed as its own index scan.
export function articleSearch(
  search: string,
  configsInUse: readonly ConfigInUse[],
  alias = 'a',
): { matches: Prisma.Sql; ownQuery: Prisma.Sql } {
  const a = Prisma.raw(alias);
  // Only our own table's names, since they are inlined as literals; each parsed with itself where
  // the server has it, else with 'simple', as the trigger indexed it.
  const configs = configsInUse
    .filter((config) => SEARCH_CONFIGS.includes(config.name))
    .map((config) => ({ name: config.name, parser: config.exists ? config.name : FALLBACK_SEARCH_CONFIG }));
  if (!configs.length) return { matches: Prisma.sql`false`, ownQuery: Prisma.sql`NULL::tsquery` };
  const literal = (name: string) => Prisma.raw(`'${name}'`);
  const parsed = (parser: string) => Prisma.sql`websearch_to_tsquery(${literal(parser)}::regconfig, ${search})`;
  const branches = configs.map(
    ({ name, parser }) => Prisma.sql`(${a}.search_config = ${literal(name)} AND ${a}.search_vector @@ ${parsed(parser)})`,
  );
  const cases = configs.map(({ name, parser }) => Prisma.sql`WHEN ${literal(name)} THEN ${parsed(parser)}`);
  return {
    matches: Prisma.sql`(${Prisma.join(branches, ' OR ')})`,
    // The query as parsed in the article's own configuration, for ranking.
    ownQuery: Prisma.sql`(CASE ${a}.search_config ${Prisma.join(cases, ' ')} END)`,
  };
}
