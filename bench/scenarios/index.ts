import { latestArticles } from './a-latest-articles.js';
import { articlePage } from './b-article-page.js';
import { tagPage } from './c-tag-page.js';
import { search } from './d-search.js';
import { tagFeed, tagFeedNotModified } from './e-tag-feed.js';
import { adminEdit } from './f-admin-edit.js';
import type { Scenario } from './scenario.js';

// In run order: the write scenario last, so its saves cannot change what the reads measured.
export const SCENARIOS: readonly Scenario[] = [
  latestArticles,
  articlePage,
  tagPage,
  search,
  tagFeed,
  tagFeedNotModified,
  adminEdit,
];
