import type { BuildSchemaOptions } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql-types/scalars/date-time.scalar.js';

// How both endpoints turn the code-first metadata into a schema.
export function buildSchemaOptions(): BuildSchemaOptions {
  return {
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Nest's check runs the whole introspection query over the unpruned schema: about a third of the
    // schema build, twice per start. It finds nothing the rest of the build misses: printing the schema
    // (Nest's next step) resolves every type and field, and Apollo asserts the endpoint's final schema
    // valid before it serves it.
    skipCheck: true,
  };
}
