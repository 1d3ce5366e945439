import { ObjectType } from '@nestjs/graphql';
import type { Section as SectionRow } from '../../generated/prisma/client.js';
import { Node } from '../../graphql/node/node.interface.js';
import { TaxonomyNodeModel } from '../../taxonomy/public/taxonomy-node.model.js';

@ObjectType('Section', { implements: () => [Node] })
export class SectionModel extends TaxonomyNodeModel {
  readonly nodeType = 'Section';

  static fromRow(row: SectionRow): SectionModel {
    return new SectionModel().fill(row);
  }
}
