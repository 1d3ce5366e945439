import { graphqlGetPath, SEARCH_QUERY } from './queries.js';
import { isGraphqlSuccess, PUBLISHED_SQL, type Scenario } from './scenario.js';

export const SEARCH_TERM = 'government';

export const search: Scenario = {
  id: 'D',
  title: `full-text search "${SEARCH_TERM}", first 20`,
  prepare: async (db) => {
    const { rows } = await db.query<{ matches: number }>(
      `SELECT count(*)::int AS matches FROM articles a
       WHERE ${PUBLISHED_SQL} AND a.search_vector @@ websearch_to_tsquery('english', $1)`,
      [SEARCH_TERM],
    );
    const matches = rows[0]?.matches ?? 0;
    const path = graphqlGetPath(SEARCH_QUERY, { search: SEARCH_TERM });
    return async () => ({
      requests: [{ method: 'GET', path }],
      isSuccess: isGraphqlSuccess,
      note: `D: "${SEARCH_TERM}" matches ${matches} published articles${matches < 20 ? ' (fewer than a page: a cheap search)' : ''}`,
    });
  },
};
