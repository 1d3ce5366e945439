import { ObjectType } from '@nestjs/graphql';
import type { Series as SeriesRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';
import { TaxonomyNodeModel } from '../../taxonomy/public/taxonomy-node.model.js';

@ObjectType('Series', { implements: () => [Node] })
export class SeriesModel extends TaxonomyNodeModel {
  readonly nodeType = 'Series';

  static fromRow(row: SeriesRow): SeriesModel {
    return new SeriesModel().fill(row);
  }
}
