import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node } from '../../graphql-types/node.interface.js';
import { ImageModel } from '../../media/public/image.model.js';
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

// Values arrive as PostgreSQL built them (author.projection.ts).
@ObjectType('Author', { implements: () => [Node] })
export class AuthorModel implements Node {
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

  @Field(() => ImageModel, { nullable: true })
  avatar!: ImageModel | null;
}
