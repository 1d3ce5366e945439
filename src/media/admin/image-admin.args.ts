import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs } from '../../graphql/pagination/connection.args.js';

@ArgsType()
export class AdminImagesArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: the trash only; false or omitted: live images only' })
  trashed?: boolean | null;
}
