import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => ID)
  endpointId!: string;
}
