import { isInPartnerScope } from './partner-scope.filter.js';
import type { PartnerScope } from './partner-scope.js';

const scope = (sectionIds: string[], tagIds: string[]): PartnerScope => ({
  partnerId: 'p',
  name: 'P',
  sectionIds,
  tagIds,
  fullText: false,
});

describe('isInPartnerScope', () => {
  it('lets everything through empty lists', () => {
    expect(isInPartnerScope(scope([], []), { sectionId: null, tagIds: [] })).toBe(true);
  });

  it('needs one of the sections and one of the tags when both are set', () => {
    const both = scope(['s1'], ['t1', 't2']);
    expect(isInPartnerScope(both, { sectionId: 's1', tagIds: ['t9', 't2'] })).toBe(true);
    expect(isInPartnerScope(both, { sectionId: 's2', tagIds: ['t1'] })).toBe(false);
    expect(isInPartnerScope(both, { sectionId: 's1', tagIds: [] })).toBe(false);
    expect(isInPartnerScope(scope(['s1'], []), { sectionId: null, tagIds: ['t1'] })).toBe(false);
  });
});
