import { Field, ID, InputType } from '@nestjs/graphql';
import { SluggedFields } from '../../taxonomy/admin/taxonomy.input.js';

@InputType('SocialLinkInput')
export class SocialLinkInput {
  @Field({ description: 'e.g. x, bluesky, linkedin, mastodon, website' })
  network!: string;

  @Field({ description: 'An http:// or https:// URL' })
  url!: string;
}

@InputType({ isAbstract: true })
export abstract class AuthorFields extends SluggedFields {
  @Field(() => String, { nullable: true, description: 'e.g. "Senior Fellow, Africa Program"; blank or null clears it' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 5000 characters; blank or null clears it' })
  bio?: string | null;

  @Field(() => ID, { nullable: true, description: 'An Image id; null removes the avatar' })
  avatarImageId?: string | null;

  @Field(() => [SocialLinkInput], { nullable: true, description: 'Replaces all links; at most 20' })
  socialLinks?: SocialLinkInput[] | null;
}
