import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Author as AuthorRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';
import { readSocialLinks } from '../author.schema.js';

@ObjectType('SocialLink')
export class SocialLinkModel {
  @Field(() => ID, { description: 'Stable id for client caches: the author id and the network' })
  id!: string;

  @Field({ description: 'e.g. x, bluesky, linkedin, mastodon, website' })
  network!: string;

  @Field()
  url!: string;

  /** An author's stored links; also used by the admin API's AdminAuthor. */
  static listOf(authorGlobalId: string, stored: unknown): SocialLinkModel[] {
    return readSocialLinks(stored).map((link) =>
      Object.assign(new SocialLinkModel(), { id: `${authorGlobalId}:${link.network}`, ...link }),
    );
  }
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
    return Object.assign(new AuthorModel(), {
      rowId: row.id,
      avatarId: row.avatarId,
      id,
      slug: row.slug,
      name: row.name,
      title: row.title,
      bio: row.bio,
      socialLinks: SocialLinkModel.listOf(id, row.socialLinks),
    });
  }
}
