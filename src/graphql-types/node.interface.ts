import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { NODE_TYPE, type ProjectedRow } from '../database/projection/projection.js';

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id',
  resolveType: (value: ProjectedRow) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
