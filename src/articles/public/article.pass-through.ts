import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ResponseKeys } from '../../common/response-keys.js';
import type { FieldArguments, Shape, ShapedField } from '../../database/projection/shaped-json.js';
import { PassThroughRegistry } from '../../graphql-types/pass-through-registry.js';
import { ArticleQueryService } from '../article-query.service.js';
import { latestArticlesSchema } from './articles.schema.js';

const RELATED = 'relatedArticles';

// article(slug:) as PostgreSQL's JSON text (graphql/pass-through/): the resolver's read by current or
// former slug, with Article.relatedArticles(first:) (relatedOf's read, validated by its schema) as a
// lateral of the same statement. A preview token (private, unpublished content) runs through the
// resolver, as does a `first` relatedOf would refuse.
@Injectable()
export class ArticlePassThrough implements OnModuleInit {
  constructor(
    private readonly registry: PassThroughRegistry,
    private readonly articleQueries: ArticleQueryService,
  ) {}

  onModuleInit(): void {
    this.registry.register('article', {
      accepts: (shape) => this.accepts(shape),
      read: (args, shape, keys, fieldArgs) => this.read(args, shape, keys, fieldArgs),
    });
    this.registry.registerField('Article', RELATED, { arguments: true });
  }

  // The rail once at most: two would be two reads, whose keys graphql-js tags in the order they finish.
  private accepts(shape: Shape): boolean {
    const rails = shape.fields.filter(isRail);
    const own = { fields: shape.fields.filter((entry) => !isRail(entry)) };
    if (rails.length > 1 || !this.articleQueries.canShape(own)) return false;
    return rails.every((rail) => 'shape' in rail && rail.shape !== undefined && this.articleQueries.canShape(rail.shape));
  }

  private read(
    args: Record<string, unknown>,
    shape: Shape,
    keys: ResponseKeys,
    fieldArgs: FieldArguments,
  ): Promise<string> | null {
    // ArticleResolver.article: any truthy token opens a preview.
    if (args.previewToken || typeof args.slug !== 'string') return null;
    const rail = shape.fields.find(isRail);
    if (!rail) return this.articleQueries.findBySlugText(args.slug, shape, null, keys);
    const parsed = latestArticlesSchema.safeParse(fieldArgs.get(rail));
    if (!parsed.success) return null;
    return this.articleQueries.findBySlugText(args.slug, shape, { entry: rail, first: parsed.data.first }, keys);
  }
}

function isRail(entry: ShapedField): boolean {
  return 'field' in entry && entry.field === RELATED && 'withArguments' in entry;
}
