import { Field, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/global-id.js';
import type { Author } from '../../generated/prisma/client.js';
import { AdminTaxonomyModel, adminTaxonomyFields } from '../../taxonomy/admin/admin-taxonomy.model.js';
import { SocialLinkModel } from '../public/author.model.js';

@ObjectType('AdminAuthor', { description: 'A byline as editors see it, trashed or not' })
export class AdminAuthorModel extends AdminTaxonomyModel {
  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field(() => ID, { nullable: true, description: 'The avatar Image id' })
  avatarImageId!: string | null;

  @Field(() => [SocialLinkModel])
  socialLinks!: SocialLinkModel[];

  static fromRow(row: Author): AdminAuthorModel {
    const fields = adminTaxonomyFields('Author', row);
    return Object.assign(new AdminAuthorModel(), fields, {
      title: row.title,
      bio: row.bio,
      avatarImageId: row.avatarId ? toGlobalId('Image', row.avatarId) : null,
      socialLinks: SocialLinkModel.listOf(fields.id, row.socialLinks),
    });
  }
}
