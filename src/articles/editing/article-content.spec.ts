import { applyChanges, diffContent, initialContent, type ArticleContent } from './article-content.js';

const SECTION = '0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e5f';
const TAG = '0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e60';

function draft(): ArticleContent {
  return {
    ...initialContent(),
    slug: 'rates-rise',
    headline: 'Rates rise',
    dek: 'A quarter point',
    sectionId: SECTION,
    tagIds: [TAG],
  };
}

describe('applyChanges', () => {
  it('replaces the fields given, keeps the others, and leaves its input alone', () => {
    const before = draft();
    const after = applyChanges(before, { headline: 'Rates rise again', tagIds: [] });
    expect(after).toEqual({ ...draft(), headline: 'Rates rise again', tagIds: [] });
    expect(before).toEqual(draft());
  });

  it('clears a field given as null, but keeps one left out (undefined)', () => {
    const after = applyChanges(draft(), { dek: null, sectionId: undefined });
    expect(after.dek).toBeNull();
    expect(after.sectionId).toBe(SECTION);
  });

  it('ignores keys that are not content fields', () => {
    const after = applyChanges(draft(), { status: 'PUBLISHED' } as never);
    expect(after).toEqual(draft());
  });
});

describe('diffContent', () => {
  it('lists each changed field with its old and new value, and nothing else', () => {
    const after = applyChanges(draft(), { headline: 'Rates rise again', dek: null, tagIds: [TAG, SECTION] });
    expect(diffContent(draft(), after)).toEqual([
      { field: 'headline', before: 'Rates rise', after: 'Rates rise again' },
      { field: 'dek', before: 'A quarter point', after: null },
      { field: 'tagIds', before: [TAG], after: [TAG, SECTION] },
    ]);
  });

  it('compares values, not identities: equal copies of lists and bodies differ in nothing', () => {
    expect(diffContent(draft(), structuredClone(draft()))).toEqual([]);
  });

  it('sees a change of order in a list (bylines and tags are ordered)', () => {
    const before = { ...draft(), tagIds: [TAG, SECTION] };
    expect(diffContent(before, { ...before, tagIds: [SECTION, TAG] })).toEqual([
      { field: 'tagIds', before: [TAG, SECTION], after: [SECTION, TAG] },
    ]);
  });
});
