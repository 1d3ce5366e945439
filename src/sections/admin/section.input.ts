import { Field, InputType, Int } from '@nestjs/graphql';
import { DescribedFields } from '../../taxonomy/admin/taxonomy.input.js';

@InputType({ isAbstract: true })
export abstract class SectionFields extends DescribedFields {
  @Field(() => Int, { nullable: true, description: 'Display order, lowest first; 0 when left out on create' })
  position?: number | null;
}
