import { Field, ID, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { toGlobalId } from '../../common/global-id.js';
import type { Author as AuthorRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';

export const socialLinksSchema = z
  .array(z.object({ network: z.string().min(1).max(40), url: z.string().url().max(2048) }).strict())
  .max(20);

@ObjectType('SocialLink')
export class SocialLinkModel {
  @Field(() => ID, { description: 'Stable id for client caches: the author id and the network' })
  id!: string;

  @Field({ description: 'e.g. x, bluesky, linkedin, mastodon, website' })
  network!: string;

  @Field()
  url!: string;
}

@ObjectType('Author', { implements: () => [Node] })
export class AuthorModel implements Node {
  readonly nodeType = 'Author';
  rowId!: string;
  avatarId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "Senior Fellow, Africa Program"' })
  title!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field(() => [SocialLinkModel])
  socialLinks!: SocialLinkModel[];

  static fromRow(row: AuthorRow): AuthorModel {
    const id = toGlobalId('Author', row.id);
    // Stored JSON is validated on write; anything malformed here is dropped rather than served.
    const links = socialLinksSchema.safeParse(row.socialLinks);
    return Object.assign(new AuthorModel(), {
      rowId: row.id,
      avatarId: row.avatarId,
      id,
      slug: row.slug,
      name: row.name,
      title: row.title,
      bio: row.bio,
      socialLinks: (links.success ? links.data : []).map((link) => ({ id: `${id}:${link.network}`, ...link })),
    });
  }
}
