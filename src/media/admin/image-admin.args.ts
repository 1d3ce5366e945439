import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';

@ArgsType()
export class AdminImagesArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: the trash only; false or omitted: live images only' })
  trashed?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the caption, credit, alt text or file name, any case (at least 2 characters)',
  })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only images this user uploaded' })
  uploadedBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only images uploaded at or after this time' })
  uploadedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only images uploaded before this time' })
  uploadedBefore?: Date | null;
}
