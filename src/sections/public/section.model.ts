import { ObjectType } from '@nestjs/graphql';
import { Node } from '../../graphql-types/node.interface.js';
import { TaxonomyNodeModel } from '../../taxonomy/public/taxonomy-node.model.js';

@ObjectType('Section', { implements: () => [Node] })
export class SectionModel extends TaxonomyNodeModel {}
