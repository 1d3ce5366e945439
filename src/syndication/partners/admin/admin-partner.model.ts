import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../../common/global-id.js';
import type { Partner } from '../../../generated/prisma/client.js';

@ObjectType('PartnerScope', { description: 'What a partner may pull; an empty list means everything' })
export class PartnerScopeModel {
  @Field(() => [ID], { description: 'Section ids' })
  sectionIds!: string[];

  @Field(() => [ID], { description: 'Tag ids' })
  tagIds!: string[];
}

@ObjectType('PartnerUsageDay', { description: 'Requests a partner made on one UTC day' })
export class PartnerUsageDayModel {
  @Field({ description: 'The day, YYYY-MM-DD' })
  day!: string;

  @Field(() => Int)
  requests!: number;
}

// Never the key or its hash: the key is shown once, in the create and rotate payloads.
@ObjectType('AdminPartner', { description: 'A syndication partner pulling feeds and the change feed with its own key' })
export class AdminPartnerModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The first characters of the key, to tell keys apart' })
  keyPrefix!: string;

  @Field(() => PartnerScopeModel)
  scope!: PartnerScopeModel;

  @Field({ description: 'Whether feeds carry full bodies, or only teasers' })
  fullText!: boolean;

  @Field(() => Int)
  rateLimitPerMinute!: number;

  @Field()
  enabled!: boolean;

  @Field(() => Date, { nullable: true })
  lastPullAt!: Date | null;

  @Field()
  createdAt!: Date;

  static fromRow(row: Partner): AdminPartnerModel {
    return Object.assign(new AdminPartnerModel(), {
      id: row.id,
      name: row.name,
      keyPrefix: row.keyPrefix,
      scope: {
        sectionIds: row.sectionIds.map((id) => toGlobalId('Section', id)),
        tagIds: row.tagIds.map((id) => toGlobalId('Tag', id)),
      },
      fullText: row.fullText,
      rateLimitPerMinute: row.rateLimitPerMinute,
      enabled: row.enabled,
      lastPullAt: row.lastPullAt,
      createdAt: row.createdAt,
    });
  }
}
