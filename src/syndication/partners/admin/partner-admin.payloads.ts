import { Field, ObjectType } from '@nestjs/graphql';
import { AdminPartnerModel } from './admin-partner.model.js';

@ObjectType('PartnerKeyPayload', { description: 'A partner with its new key' })
export class PartnerKeyPayload {
  @Field({ description: 'The key, shown only this once: header X-Partner-Key, or ?key= on feed URLs' })
  key!: string;

  @Field(() => AdminPartnerModel)
  partner!: AdminPartnerModel;
}

@ObjectType('UpdatePartnerPayload')
export class UpdatePartnerPayload {
  @Field(() => AdminPartnerModel)
  partner!: AdminPartnerModel;
}
