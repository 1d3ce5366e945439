import { createRequire } from 'node:module';
import type { slugify as Transliterate } from 'transliteration';
import { z } from 'zod';

// URL slugs: lower-case ASCII letters, digits and single hyphens ("ukraine-war", "election-2024").
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 200;

export const slugSchema = z
  .string()
  .max(MAX_SLUG_LENGTH)
  .regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens, e.g. "ukraine-war"')
  .describe('URL slug');

/**
 * A slug from free text, in ASCII whatever the script: "Straße in Łódź" -> "strasse-in-lodz",
 * "Война в Украине" -> "voyna-v-ukraine", "北京峰会" -> "bei-jing-feng-hui". The transliteration
 * package knows the scripts (Latin with diacritics and ligatures, Cyrillic, Greek, CJK, Arabic,
 * Hebrew, Korean, Thai...); @sindresorhus/slugify was tried and returns "" for CJK, Hebrew and Korean.
 * Apostrophes are dropped first, so "Mali’s" reads "malis", not "mali-s".
 */
export function slugify(text: string, maxLength = 96): string {
  const slug = transliterator()(text.replace(/['’‘`]/g, ''), { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, '') : slug;
  // Only text without a letter or digit in any script (say "!!!" or an emoji) ends up with nothing.
  return cut || 'untitled';
}

// transliteration's tables (~190 KB of source) are loaded on the first slug made, not by every process
// (and every test file) that imports the slug schema; slugify stays synchronous.
let transliterate: typeof Transliterate | undefined;
function transliterator(): typeof Transliterate {
  transliterate ??= (createRequire(import.meta.url)('transliteration') as typeof import('transliteration')).slugify;
  return transliterate;
}

/** The first of base, base-2, base-3... that `isTaken` says is free. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
