import { slugify, slugSchema, uniqueSlug } from './slug.js';

describe('slugs', () => {
  it('makes readable ASCII slugs from headlines', () => {
    expect(slugify('How the US should respond to Mali’s descent into chaos')).toBe(
      'how-the-us-should-respond-to-malis-descent-into-chaos',
    );
    expect(slugify('Côte d’Ivoire & Ghana: “bulwarks”?')).toBe('cote-divoire-ghana-bulwarks');
    expect(slugify('!!!')).toBe('untitled');
    expect(slugify('🎉')).toBe('untitled');
    expect(slugify('word '.repeat(40), 20)).toBe('word-word-word-word');
  });

  it.each([
    ['Straße in Łódź', 'strasse-in-lodz'],
    ['Война в Украине: что дальше?', 'voyna-v-ukraine-chto-dalshe'],
    ['Україна і Європа', 'ukrayina-i-ievropa'],
    ['Κρίση στην Ελλάδα', 'krisi-stin-ellada'],
    ['Ærø, Øresund og Åland', 'aero-oresund-og-aland'],
    ['İstanbul’da seçim', 'istanbulda-secim'],
    ['Việt Nam và Trung Quốc', 'viet-nam-va-trung-quoc'],
    ['北京举行峰会', 'bei-jing-ju-xing-feng-hui'],
    ['서울 정상회담', 'seoul-jeongsanghoedam'],
    ['مصر والسودان', 'msr-wlswdn'],
  ])('transliterates %s to %s, never "untitled" for a real headline', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
    expect(slugSchema.safeParse(slugify(headline)).success).toBe(true);
  });

  it('accepts only well-formed slugs', () => {
    expect(slugSchema.safeParse('election-2024').success).toBe(true);
    for (const bad of ['Election', 'two--hyphens', '-lead', 'trail-', 'spa ce', ''])
      expect(slugSchema.safeParse(bad).success).toBe(false);
  });

  it('suffixes a taken slug with the first free number', async () => {
    const taken = new Set(['mali', 'mali-2']);
    expect(await uniqueSlug('mali', async (slug) => taken.has(slug))).toBe('mali-3');
    expect(await uniqueSlug('niger', async (slug) => taken.has(slug))).toBe('niger');
  });
});
