import { parseInput } from '../../common/parse-input.js';
import { inputIssuesOf as issuesOf } from '../../../test/utils/input-issues.js';
import { changeFeedArgsSchema, changeFeedQuerySchema } from './change-feed.schema.js';

describe('the change feed arguments, on REST and on GraphQL', () => {
  it('reads on from `after`, or from its old name `since`, saying which name the cursor came under', () => {
    expect(parseInput(changeFeedQuerySchema, { after: 'c1', limit: '5' })).toEqual({
      cursor: 'c1',
      cursorPath: 'after',
      limit: 5,
    });
    expect(parseInput(changeFeedArgsSchema, { since: 'c1', first: 5 })).toEqual({ cursor: 'c1', cursorPath: 'since', limit: 5 });
    expect(parseInput(changeFeedArgsSchema, {})).toEqual({ cursor: null, cursorPath: 'after', limit: undefined });
  });

  it('names the page size as each door spells it: `limit` in the query string, `first` on GraphQL', () => {
    expect(issuesOf(changeFeedQuerySchema, { limit: '501' })).toEqual([{ path: 'limit', message: 'must be at most 500' }]);
    expect(issuesOf(changeFeedArgsSchema, { first: 501 })).toEqual([{ path: 'first', message: 'must be at most 500' }]);
  });

  it('refuses both names of the cursor at once, on both doors', () => {
    const both = [{ path: 'since', message: 'is the old name of after: send one of them' }];
    expect(issuesOf(changeFeedQuerySchema, { after: 'a', since: 'b' })).toEqual(both);
    expect(issuesOf(changeFeedArgsSchema, { after: 'a', since: 'b' })).toEqual(both);
  });
});
