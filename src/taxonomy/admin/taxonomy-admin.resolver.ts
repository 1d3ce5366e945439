import type { Type } from '@nestjs/common';
import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { globalIdSchema, toGlobalId } from '../../common/global-id.js';
import { ValidArgs, ValidInput } from '../../graphql-types/valid-input.decorator.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import type { TaxonomyCreate, TaxonomyEditor, TaxonomyType, TaxonomyUpdate } from '../taxonomy-editor.service.js';
import type { TaxonomyFilter, TaxonomyRow } from '../taxonomy.repository.js';
import { idInputSchema, taxonomyFilterSchema } from '../taxonomy.schema.js';
import type { AdminTaxonomyModel } from './admin-taxonomy.model.js';
import { TaxonomyListArgs, taxonomyAdminTypes, type Payload } from './taxonomy-admin.types.js';

// The row id that trash, restore and purge inputs parse to.
type IdInput = { id: string };

// How the four taxonomy admin APIs (authors, tags, sections, series) are made, since no single file
// shows it. tags/admin/tag-admin.resolver.ts is only a spec: TaxonomyAdminResolver(spec) below turns it
// into the queries adminTags/adminTag and the mutations createTag, updateTag, trashTag, restoreTag and
// purgeTag, with their GraphQL types named by taxonomyAdminTypes (CreateTagInput, CreateTagPayload...).
// Every payload's `node` field is published under the model's lower-case name (`tag`, `section`), so
// `createTag { tag { id } }` reads from `node`. The inputs' optional fields come from a shared abstract
// class (taxonomy.input.ts), their zod twins from taxonomy.schema.ts (paired by @ValidInput). The rules (slugs, trash, purge,
// audit, change events) are TaxonomyEditor's, which tags/tag-editor.service.ts extends; the feature's
// repository extends TaxonomyRepository with its Prisma delegate. To give one model a field of its own,
// pass its own `fields` class and `schemas` in its spec, as authors do.
export interface TaxonomyAdminSpec<Model> {
  type: TaxonomyType;
  /** Lower-case, for messages: "manage tags". */
  plural: string;
  queries: { list: string; item: string };
  model: Type<Model>;
  /** The model's optional input fields (see taxonomy.input.ts). */
  fields: abstract new () => object;
  schemas: { create: z.ZodType<TaxonomyCreate>; update: z.ZodType<TaxonomyUpdate> };
}

// The admin API of one taxonomy model. Anyone logged in may read (writers pick tags for their
// drafts); editors and admins write; only admins purge. Each model's resolver extends this with its
// own editor service.
export function TaxonomyAdminResolver<Model extends AdminTaxonomyModel>(spec: TaxonomyAdminSpec<Model>) {
  const types = taxonomyAdminTypes(spec.type, spec.model, spec.fields);
  const idSchema = idInputSchema(spec.type);
  const manage = `manage ${spec.plural}`;
  const listDescription = `${spec.plural[0]!.toUpperCase()}${spec.plural.slice(1)} in alphabetical order`;

  @Resolver({ isAbstract: true })
  abstract class TaxonomyAdminResolverHost {
    constructor(protected readonly editor: TaxonomyEditor<TaxonomyRow, Model>) {}

    @Query(() => types.Connection, { name: spec.queries.list, description: listDescription })
    @Requires('CONTRIBUTOR', `see ${spec.plural}`)
    list(@ValidArgs(TaxonomyListArgs, taxonomyFilterSchema) args: TaxonomyListArgs & TaxonomyFilter): Promise<Connection<Model>> {
      return this.editor.list({ trashed: args.trashed, search: args.search }, toPageRequest(args));
    }

    @Query(() => spec.model, { name: spec.queries.item, nullable: true, description: 'Trashed or not; null if unknown' })
    @Requires('CONTRIBUTOR', `see ${spec.plural}`)
    item(@ValidInput(ID, globalIdSchema(spec.type), { arg: 'id' }) id: string): Promise<Model | null> {
      return this.editor.find(id);
    }

    @Mutation(() => types.CreatePayload, { name: `create${spec.type}` })
    @Requires('EDITOR', manage)
    async create(
      @ValidInput(types.CreateInput, spec.schemas.create) input: TaxonomyCreate,
      @CurrentActor() actor: Actor,
    ): Promise<Payload<Model>> {
      return { node: await this.editor.create(actor, input) };
    }

    @Mutation(() => types.UpdatePayload, { name: `update${spec.type}` })
    @Requires('EDITOR', manage)
    async update(
      @ValidInput(types.UpdateInput, spec.schemas.update) input: TaxonomyUpdate,
      @CurrentActor() actor: Actor,
    ): Promise<Payload<Model>> {
      return { node: await this.editor.update(actor, input) };
    }

    @Mutation(() => types.TrashPayload, { name: `trash${spec.type}`, description: 'Hides it from the public API; restorable' })
    @Requires('EDITOR', manage)
    async trash(@ValidInput(types.TrashInput, idSchema) { id }: IdInput, @CurrentActor() actor: Actor): Promise<Payload<Model>> {
      return { node: await this.editor.trash(actor, id) };
    }

    @Mutation(() => types.RestorePayload, { name: `restore${spec.type}`, description: 'Takes it out of the trash' })
    @Requires('EDITOR', manage)
    async restore(
      @ValidInput(types.RestoreInput, idSchema) { id }: IdInput,
      @CurrentActor() actor: Actor,
    ): Promise<Payload<Model>> {
      return { node: await this.editor.restore(actor, id) };
    }

    @Mutation(() => types.PurgePayload, {
      name: `purge${spec.type}`,
      description: 'Deletes it for good, with its article links (admins only)',
    })
    @Requires('ADMIN', `purge ${spec.plural}`)
    async purge(@ValidInput(types.PurgeInput, idSchema) { id }: IdInput, @CurrentActor() actor: Actor): Promise<{ id: string }> {
      await this.editor.purge(actor, id);
      // The parsed id is the row's; the payload answers with the global id the caller sent.
      return { id: toGlobalId(spec.type, id) };
    }
  }

  return TaxonomyAdminResolverHost;
}
