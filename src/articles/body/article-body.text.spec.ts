import { articleBodySchema, type ArticleBodyInput } from './article-body.schema.js';
import { analyseBody, deriveTeaser } from './article-body.text.js';

function analyse(input: ArticleBodyInput) {
  return analyseBody(articleBodySchema.parse(input));
}

function teaser(input: ArticleBodyInput, maxLength?: number) {
  return deriveTeaser(articleBodySchema.parse(input), maxLength);
}

function words(count: number): string {
  return Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
}

describe('analyseBody', () => {
  it('reports nothing for an empty body', () => {
    expect(analyse([])).toEqual({ text: '', wordCount: 0, readingTimeMinutes: 0 });
  });

  it('joins readable blocks with blank lines and leaves media captions out', () => {
    const result = analyse([
      { type: 'heading', text: 'Flood warning' },
      {
        type: 'paragraph',
        children: [{ text: 'Rivers are ' }, { text: 'rising', marks: ['strong'] }, { text: ' fast.' }],
      },
      { type: 'image', url: '/flood.jpg', alt: 'Flooded street', caption: 'Main St at noon', credit: 'Staff' },
      { type: 'quote', text: 'Stay home.', attribution: 'Civil Defence' },
      { type: 'list', items: ['Sandbags', [{ text: 'Torches', marks: ['em'] }]] },
      { type: 'embed', url: 'https://x.com/a/status/1', caption: 'Live updates', html: '<p>embedded words</p>' },
    ]);
    expect(result.text).toBe('Flood warning\n\nRivers are rising fast.\n\nStay home.\n— Civil Defence\n\nSandbags\nTorches');
    expect(result.wordCount).toBe(12);
    expect(result.readingTimeMinutes).toBe(1);
  });

  it('skips empty and whitespace-only blocks instead of stacking blank lines', () => {
    const result = analyse([
      { type: 'paragraph', text: 'One.' },
      { type: 'paragraph', text: '   ' },
      { type: 'paragraph', children: [] },
      { type: 'paragraph', text: 'Two.' },
    ]);
    expect(result.text).toBe('One.\n\nTwo.');
  });

  it('counts tokens with letters or digits, not punctuation or emoji on their own', () => {
    expect(analyse([{ type: 'paragraph', text: "It's 2025 — e-mail co-op, naïve café! 🎉 & …" }]).wordCount).toBe(6);
    expect(analyse([{ type: 'paragraph', text: '  spaced\tout\nwords  ' }]).wordCount).toBe(3);
  });

  it('rounds reading time up at 230 words a minute, with at least a minute for any words', () => {
    const minutesFor = (count: number) => analyse([{ type: 'paragraph', text: words(count) }]).readingTimeMinutes;
    expect(minutesFor(1)).toBe(1);
    expect(minutesFor(230)).toBe(1);
    expect(minutesFor(231)).toBe(2);
    expect(minutesFor(1150)).toBe(5);
  });

  it('reports zero reading time when there is only media', () => {
    expect(analyse([{ type: 'image', url: '/a.jpg', caption: 'Lots of caption words here' }])).toEqual({
      text: '',
      wordCount: 0,
      readingTimeMinutes: 0,
    });
  });
});

describe('deriveTeaser', () => {
  it('returns null when there is no paragraph with text', () => {
    expect(teaser([])).toBeNull();
    expect(
      teaser([
        { type: 'heading', text: 'Only a heading' },
        { type: 'paragraph', text: ' ' },
      ]),
    ).toBeNull();
  });

  it('uses the first non-empty paragraph, skipping headings, quotes and lists', () => {
    expect(
      teaser([
        { type: 'heading', text: 'Heading' },
        { type: 'quote', text: 'Quote' },
        { type: 'paragraph', text: '' },
        { type: 'paragraph', children: [{ text: 'First ' }, { text: 'real', marks: ['em'] }, { text: ' one.' }] },
        { type: 'paragraph', text: 'Second.' },
      ]),
    ).toBe('First real one.');
  });

  it('collapses whitespace into single spaces', () => {
    expect(teaser([{ type: 'paragraph', text: '  Line one\n\nline\ttwo  ' }])).toBe('Line one line two');
  });

  it('returns text of exactly maxLength unchanged', () => {
    const text = 'a'.repeat(279) + 'b';
    expect(teaser([{ type: 'paragraph', text }])).toBe(text);
  });

  it('truncates at a word boundary and appends an ellipsis within maxLength', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    expect(teaser([{ type: 'paragraph', text }], 20)).toBe('The quick brown fox…');
    expect(teaser([{ type: 'paragraph', text }], 18)).toBe('The quick brown…');
    expect(teaser([{ type: 'paragraph', text }], 16)).toBe('The quick brown…');
  });

  it('respects the default limit of 280 characters', () => {
    const result = teaser([{ type: 'paragraph', text: words(100) }]);
    expect(result).not.toBeNull();
    expect(Array.from(result ?? '').length).toBeLessThanOrEqual(280);
    expect(result).toMatch(/ word\d+…$/);
    expect(words(100).startsWith((result ?? '').slice(0, -1))).toBe(true);
  });

  it('drops dangling punctuation before the ellipsis', () => {
    expect(teaser([{ type: 'paragraph', text: 'Wellington, Auckland — and Christchurch' }], 14)).toBe('Wellington…');
    expect(teaser([{ type: 'paragraph', text: 'Wellington — Auckland and Christchurch' }], 14)).toBe('Wellington…');
  });

  it('cuts a single overlong word hard', () => {
    expect(teaser([{ type: 'paragraph', text: 'Supercalifragilisticexpialidocious' }], 10)).toBe('Supercali…');
  });

  it('counts emoji as one character and never splits them', () => {
    expect(teaser([{ type: 'paragraph', text: '🎉🎉🎉🎉🎉🎉' }], 4)).toBe('🎉🎉🎉…');
    expect(teaser([{ type: 'paragraph', text: '🎉🎉🎉🎉' }], 4)).toBe('🎉🎉🎉🎉');
  });

  it('rejects a maxLength that is not a positive integer', () => {
    const body = articleBodySchema.parse([{ type: 'paragraph', text: 'x' }]);
    expect(() => deriveTeaser(body, 0)).toThrow(RangeError);
    expect(() => deriveTeaser(body, 2.5)).toThrow(RangeError);
  });
});
