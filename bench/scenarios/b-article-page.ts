import { ARTICLE_PAGE_QUERY, graphqlGetPath } from './queries.js';
import { isGraphqlSuccess, PUBLISHED_SQL, type Scenario } from './scenario.js';

const SLUG_COUNT = 1000;

export const articlePage: Scenario = {
  id: 'B',
  title: 'article by slug: body, bylines, tags, related',
  prepare: async (db) => {
    // A fixed spread of articles (ordered by a hash of the id), so runs are comparable and no one row is hot.
    const { rows } = await db.query<{ slug: string }>(
      `SELECT a.slug FROM articles a WHERE ${PUBLISHED_SQL} ORDER BY md5(a.id::text) LIMIT $1`,
      [SLUG_COUNT],
    );
    if (!rows.length) throw new Error('B needs published articles');
    const paths = rows.map(({ slug }) => graphqlGetPath(ARTICLE_PAGE_QUERY, { slug }));
    return async () => {
      let next = 0;
      return {
        requests: [
          { method: 'GET', path: paths[0], setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) },
        ],
        // A slug that resolves to nothing would answer { article: null } quickly: count it as an error.
        isSuccess: (status, body) => isGraphqlSuccess(status, body) && !body.includes('"article":null'),
        // One pass over every slug first: the measured run then sees warm caches, not their filling.
        warmupRequests: paths.length,
        note: `B rotates over ${paths.length} articles (warm-up: one pass over all)`,
      };
    };
  },
};
