import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function literalToValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToValue(field.value)]));
    case Kind.LIST:
      return node.values.map(literalToValue);
    default:
      return null;
  }
}

// Structured content (article body blocks) travels as JSON; its shape is validated by zod on write.
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value (used for structured article bodies)',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToValue,
});
