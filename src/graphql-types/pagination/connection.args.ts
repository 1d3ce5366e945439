import { ArgsType, Field, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { parseInput } from '../../common/parse-input.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '../../common/pagination/page-request.js';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items after the cursor (at most ${MAX_PAGE_SIZE})` })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Items before the cursor (at most ${MAX_PAGE_SIZE})` })
  last?: number | null;

  @Field(() => String, { nullable: true })
  before?: string | null;
}

const pageSize = z.number().int().min(0).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`);

const connectionArgsSchema = z
  .object({
    first: pageSize.nullish(),
    after: z.string().max(512).nullish(),
    last: pageSize.nullish(),
    before: z.string().max(512).nullish(),
  })
  .refine((args) => args.first == null || args.last == null, { message: 'use either first or last, not both', path: ['last'] })
  .refine((args) => args.after == null || args.before == null, {
    message: 'use either after or before, not both',
    path: ['before'],
  })
  .refine((args) => args.last == null || args.after == null, { message: 'last goes with before, not after', path: ['after'] });

export function toPageRequest(args: ConnectionArgs): PageRequest {
  const { first, after, last, before } = parseInput(connectionArgsSchema, args);
  if (last != null || before != null) {
    return { direction: 'backward', limit: last ?? DEFAULT_PAGE_SIZE, cursor: before ?? undefined };
  }
  return { direction: 'forward', limit: first ?? DEFAULT_PAGE_SIZE, cursor: after ?? undefined };
}
