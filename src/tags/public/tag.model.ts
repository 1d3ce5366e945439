import { ObjectType } from '@nestjs/graphql';
import type { Tag as TagRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';
import { TaxonomyNodeModel } from '../../taxonomy/public/taxonomy-node.model.js';

@ObjectType('Tag', { implements: () => [Node] })
export class TagModel extends TaxonomyNodeModel {
  readonly nodeType = 'Tag';

  static fromRow(row: TagRow): TagModel {
    return new TagModel().fill(row);
  }
}
