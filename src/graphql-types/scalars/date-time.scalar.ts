import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

// graphql-scalars' strict RFC 3339 date-time, under the name DateTime that both schemas already use.
// Nest's own ISO scalar parsed with `new Date(text)`, which reads "2026-12-01T06:00:00" in the
// server's time zone; an instant without a UTC offset is ambiguous, so it is refused.
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: 'DateTime',
  description:
    'An instant as an RFC 3339 date-time with a UTC offset, e.g. 2026-12-01T06:00:00Z or 2026-12-01T07:00:00+01:00; local times without an offset are refused. Sent back in UTC.',
});
