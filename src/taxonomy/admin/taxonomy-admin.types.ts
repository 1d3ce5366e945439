import type { Type } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ConnectionArgs } from '../../graphql-types/pagination/connection.args.js';
import { connectionTypes } from '../../graphql-types/pagination/connection.model.js';
import type { TaxonomyType } from '../taxonomy-editor.service.js';

@ArgsType()
export class TaxonomyListArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'true: the trash only; false: live items only' })
  trashed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or slug, case-insensitive' })
  search?: string | null;
}

export interface Payload<Model> {
  node: Model;
}

// The named GraphQL types of one model's admin API: Create<X>Input, Update<X>Input, Trash<X>Input,
// Restore<X>Input, Purge<X>Input, the matching payloads, and Admin<X>Connection.
export function taxonomyAdminTypes<Model>(type: TaxonomyType, model: Type<Model>, fields: abstract new () => object) {
  const field = type.toLowerCase();

  @InputType(`Create${type}Input`)
  class CreateInput extends fields {
    @Field({ description: 'Trimmed, 1 to 120 characters' })
    name!: string;
  }

  @InputType(`Update${type}Input`, { description: 'Fields left out stay as they are' })
  class UpdateInput extends fields {
    @Field(() => ID)
    id!: string;

    @Field(() => String, { nullable: true, description: 'Trimmed, 1 to 120 characters; the slug stays unless given too' })
    name?: string | null;
  }

  const idInput = (verb: string) => {
    @InputType(`${verb}${type}Input`)
    class IdInput {
      @Field(() => ID)
      id!: string;
    }
    return IdInput;
  };

  const payload = (verb: string) => {
    @ObjectType(`${verb}${type}Payload`)
    class ModelPayload implements Payload<Model> {
      @Field(() => model, { name: field })
      node!: Model;
    }
    return ModelPayload;
  };

  @ObjectType(`Purge${type}Payload`)
  class PurgePayload {
    @Field(() => ID, { description: 'The id of the deleted item' })
    id!: string;
  }

  return {
    CreateInput,
    UpdateInput,
    TrashInput: idInput('Trash'),
    RestoreInput: idInput('Restore'),
    PurgeInput: idInput('Purge'),
    CreatePayload: payload('Create'),
    UpdatePayload: payload('Update'),
    TrashPayload: payload('Trash'),
    RestorePayload: payload('Restore'),
    PurgePayload,
    Connection: connectionTypes(model, `Admin${type}`).ConnectionType,
  };
}
