import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 date-times with an explicit offset: "2026-12-01T06:00:00Z" or "...+01:00". A time without
// one means a different instant on every server, so it is refused rather than guessed.
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !RFC_3339.test(value)) {
    throw new GraphQLError('DateTime must be an RFC 3339 date-time with a UTC offset, e.g. "2026-12-01T06:00:00Z"');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`"${value}" is not a valid date-time`);
  return date;
}

// Output is always UTC with milliseconds (Date.toISOString). Values the public read path built in
// PostgreSQL arrive already in that form (newsdesk_iso_time) and pass through as they are.
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return value;
    throw new GraphQLError('DateTime cannot represent a non-date value');
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be given as a string');
    return parse(ast.value);
  },
});
