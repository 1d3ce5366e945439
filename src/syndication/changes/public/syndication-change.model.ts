import { Field, ID, Int, ObjectType, registerEnumType, ArgsType } from '@nestjs/graphql';
import { ArticleModel } from '../../../articles/public/article.model.js';
import { PageInfo } from '../../../graphql-types/pagination/page-info.model.js';
import type { ProjectedRow } from '../../../database/projection/projection.js';

export enum SyndicationAction {
  PUBLISHED = 'published',
  UPDATED = 'updated',
  UNPUBLISHED = 'unpublished',
  DELETED = 'deleted',
}

registerEnumType(SyndicationAction, { name: 'SyndicationAction', description: 'What happened to the entity' });

@ObjectType('SyndicationChange', { description: 'One change of public content, for partners mirroring it' })
export class SyndicationChangeModel {
  // Unique per change (the cursor), not the entity's id: several changes of one article would
  // otherwise collapse into one object in normalised client caches.
  @Field(() => ID, { description: 'This change (equal to its cursor)' })
  id!: string;

  @Field(() => SyndicationAction)
  action!: SyndicationAction;

  @Field({ description: 'Kind of entity, e.g. "Article"' })
  entityType!: string;

  @Field(() => ID, { description: 'Global id of the changed entity' })
  entityId!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => ArticleModel, {
    nullable: true,
    description: 'The article as published now; null when deleted, unpublished or outside your scope: remove your copy',
  })
  article!: ProjectedRow | null;
}

@ObjectType('SyndicationChangeEdge')
export class SyndicationChangeEdge {
  @Field({ description: 'Pass as `after` to read on from this change' })
  cursor!: string;

  @Field(() => SyndicationChangeModel)
  node!: SyndicationChangeModel;
}

@ObjectType('SyndicationChangeConnection', {
  description: 'A page of the change feed; read on with after = pageInfo.endCursor while hasNextPage',
})
export class SyndicationChangeConnection {
  @Field(() => [SyndicationChangeEdge])
  edges!: SyndicationChangeEdge[];

  @Field(() => PageInfo, { description: 'endCursor is where to read on, also when this page is empty' })
  pageInfo!: PageInfo;
}

@ArgsType()
export class SyndicationChangesArgs {
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page; none starts at the beginning' })
  after?: string | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use `after` (the Relay name of the same cursor).' })
  since?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Changes per page (default 20, at most 500 within the query complexity budget)',
  })
  first?: number | null;
}
