import { Field, ID, InterfaceType } from '@nestjs/graphql';

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id',
  resolveType: (value: { nodeType: string }) => value.nodeType,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
