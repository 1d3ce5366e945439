import { encodeCursor } from '../../src/common/pagination/keyset.js';
import { graphqlGetPath, TAG_PAGE_QUERY } from './queries.js';
import { isGraphqlSuccess, PUBLISHED_SQL, type Scenario } from './scenario.js';
import { busiestTag } from './tag-fixture.js';

const PAGE_SIZE = 20;
const TARGET_PAGE = 50;

export const tagPage: Scenario = {
  id: 'C',
  title: `a tag's page ${TARGET_PAGE} by cursor`,
  prepare: async (db) => {
    const tag = await busiestTag(db);
    // Deep paging is the point; on a small data set fall back to the last full page.
    const page = Math.max(1, Math.min(TARGET_PAGE, Math.floor(tag.articles / PAGE_SIZE)));
    let after: string | undefined;
    if (page > 1) {
      // The cursor the app gives the last edge of page - 1 (ArticleListQuery.cursorOf): its sort keys,
      // read from the join table's published_at copy in the app's order.
      const { rows } = await db.query<{ published_at: Date; article_id: string }>(
        `SELECT t.published_at, t.article_id FROM article_tags t JOIN articles a ON a.id = t.article_id
         WHERE t.tag_id = (SELECT id FROM tags WHERE slug = $1 AND deleted_at IS NULL) AND ${PUBLISHED_SQL}
         ORDER BY t.published_at DESC, t.article_id DESC OFFSET $2 LIMIT 1`,
        [tag.slug, (page - 1) * PAGE_SIZE - 1],
      );
      after = encodeCursor([rows[0].published_at.toISOString(), rows[0].article_id]);
    }
    const path = graphqlGetPath(TAG_PAGE_QUERY, { tag: tag.slug, ...(after ? { after } : {}) });
    const note =
      `C reads page ${page} of tag "${tag.slug}" (${tag.articles} articles)` +
      (page < TARGET_PAGE ? `: the data set is too small for page ${TARGET_PAGE}` : '');
    return async () => ({
      requests: [{ method: 'GET', path }],
      // A page past the end would be an empty, cheap answer.
      isSuccess: (status, body) => isGraphqlSuccess(status, body) && !body.includes('"edges":[]'),
      note,
    });
  },
};
