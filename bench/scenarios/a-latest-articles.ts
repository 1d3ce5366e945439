import { graphqlGetPath, LATEST_ARTICLES_QUERY } from './queries.js';
import { isGraphqlSuccess, type Scenario } from './scenario.js';

export const latestArticles: Scenario = {
  id: 'A',
  title: '20 newest articles (cards)',
  prepare: async () => {
    const path = graphqlGetPath(LATEST_ARTICLES_QUERY);
    return async () => ({ requests: [{ method: 'GET', path }], isSuccess: isGraphqlSuccess });
  },
};
