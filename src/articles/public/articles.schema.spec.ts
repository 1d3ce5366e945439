import { parseInput } from '../../common/parse-input.js';
import { inputIssuesOf as issuesOf } from '../../../test/utils/input-issues.js';
import { articlesArgsSchema, latestArticlesSchema } from './articles.schema.js';

describe('the public article list arguments', () => {
  it('turns the filter into the list query filter, no filter into no conditions', () => {
    expect(parseInput(articlesArgsSchema, { filter: { tag: ' mali ', type: 'NEWS' } }).filter).toEqual({
      tagSlug: 'mali',
      sectionSlug: undefined,
      seriesSlug: undefined,
      authorSlug: undefined,
      type: 'NEWS',
      search: undefined,
    });
    expect(Object.values(parseInput(articlesArgsSchema, { filter: null }).filter).every((value) => value === undefined)).toBe(
      true,
    );
  });

  it('names the bad filter field under `filter`, and caps the latest lists at 50', () => {
    expect(issuesOf(articlesArgsSchema, { filter: { search: '  ' } })).toEqual([
      { path: 'filter.search', message: 'must not be empty' },
    ]);
    expect(issuesOf(latestArticlesSchema, { first: 51 })).toEqual([
      { path: 'first', message: expect.stringMatching(/50/) as unknown as string },
    ]);
    expect(issuesOf(latestArticlesSchema, { first: 0 })).toEqual([
      { path: 'first', message: expect.any(String) as unknown as string },
    ]);
  });
});
