import { z } from 'zod';
import { globalIdSchema } from '../common/global-id.js';
import { MAX_TEXT_LENGTH, optionalTextSchema, taxonomyInputSchemas } from '../taxonomy/taxonomy.schema.js';

// Only web links: a javascript: or data: URL would run in the front-end that renders the byline.
const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2048)
  .describe('Profile URL');

export const socialLinksSchema = z
  .array(
    z.object({ network: z.string().trim().min(1).max(40).describe('e.g. x, bluesky, website'), url: httpUrlSchema }).strict(),
  )
  .max(20);

export type SocialLink = z.output<typeof socialLinksSchema>[number];

/** Stored links, for reading: anything malformed is dropped rather than served. */
export function readSocialLinks(stored: unknown): SocialLink[] {
  const links = socialLinksSchema.safeParse(stored);
  return links.success ? links.data : [];
}

const authorFields = {
  title: optionalTextSchema(200, 'e.g. "Senior Fellow, Africa Program"'),
  bio: optionalTextSchema(MAX_TEXT_LENGTH, 'Short biography'),
  avatarImageId: globalIdSchema('Image').nullish().describe('An uploaded image; null removes the avatar'),
  // null means "no links", like an empty list.
  socialLinks: socialLinksSchema.nullish().transform((links) => (links === null ? [] : links)),
};

// The API says avatarImageId (an Image id); the column is avatar_id.
function toColumns<T extends { avatarImageId?: string | null }>({ avatarImageId, ...rest }: T) {
  return avatarImageId === undefined ? rest : { ...rest, avatarId: avatarImageId };
}

const schemas = taxonomyInputSchemas('Author', authorFields, authorFields);

export const authorInputSchemas = {
  create: schemas.create.transform(toColumns),
  update: schemas.update.transform(toColumns),
};
