import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { globalIdSchema } from '../../common/global-id.js';

// Inputs the Studio needed beyond the original admin API.
@InputType('DiscardPendingChangesInput')
export class DiscardPendingChangesInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version the editor saw; a stale one gets CONFLICT' })
  expectedVersion!: number;
}

export const discardPendingChangesSchema = z.object({
  id: globalIdSchema('Article'),
  expectedVersion: z.number().int().min(1),
});
