import { DomainError } from '../../common/domain-error.js';
import { assertPublishable, missingForPublication } from './article-publishing.rules.js';

const ready = { headline: 'Mali', body: [{ type: 'paragraph' as const, text: 'Text' }], authorIds: ['a'] };

describe('publishing rules', () => {
  it('lets a story with a headline, a body and a byline go public', () => {
    expect(missingForPublication(ready)).toEqual([]);
    expect(() => assertPublishable(ready)).not.toThrow();
  });

  it('names every missing part, as BAD_USER_INPUT', () => {
    expect(missingForPublication({ headline: ' ', body: [], authorIds: [] })).toEqual(['headline', 'body', 'authorIds']);
    let error: unknown;
    try {
      assertPublishable({ ...ready, body: [], authorIds: [] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect((error as DomainError).details.issues).toEqual([
      { path: 'body', message: 'is required to publish or schedule (at least one body block)' },
      { path: 'authorIds', message: 'is required to publish or schedule (at least one byline)' },
    ]);
  });
});
