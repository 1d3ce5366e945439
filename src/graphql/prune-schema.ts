import { GraphQLSchema, isInterfaceType } from 'graphql';

// Keeps only the types an endpoint's operations can reach. Nest's code-first builder adds every type
// that any @ObjectType field anywhere in the process refers to, so without this the public schema
// would list admin types (nestjs/graphql #600, #2453). Implementations of reachable interfaces (Node)
// stay, since clients reach them through those interfaces.
export function pruneSchema(schema: GraphQLSchema): GraphQLSchema {
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  const reachable = new GraphQLSchema({ ...roots, directives: schema.getDirectives() });
  const implementations = Object.values(reachable.getTypeMap())
    .filter(isInterfaceType)
    .flatMap((iface) => schema.getPossibleTypes(iface));
  return new GraphQLSchema({ ...roots, types: implementations, directives: schema.getDirectives() });
}
