import { z } from 'zod';

// URL slugs: lower-case ASCII letters, digits and single hyphens ("ukraine-war", "election-2024").
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 200;

export const slugSchema = z
  .string()
  .max(MAX_SLUG_LENGTH)
  .regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens, e.g. "ukraine-war"')
  .describe('URL slug');

/** A slug from free text: "Mali’s descent into chaos!" -> "malis-descent-into-chaos". */
export function slugify(text: string, maxLength = 96): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, '') : slug;
  return cut || 'untitled';
}

/** The first of base, base-2, base-3... that `isTaken` says is free. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
