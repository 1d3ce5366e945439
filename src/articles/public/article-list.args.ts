import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';
import type { ArticleOrder } from '../article-list.query.js';
import { ArticleOrderBy } from './articles.args.js';

// Arguments of the `articles` field on a tag, section, series or author.
@ArgsType()
export class NestedArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleOrderBy, { nullable: true, defaultValue: 'NEWEST' })
  orderBy?: ArticleOrder | null;
}
