import type { z } from 'zod';
import { Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../../access/actor.js';
import { CurrentActor } from '../../../access/current-actor.decorator.js';
import { Requires } from '../../../access/requires.decorator.js';
import { ValidInput } from '../../../graphql-types/valid-input.decorator.js';
import {
  createPartnerSchema,
  partnerIdSchema,
  updatePartnerSchema,
  usageDaysSchema,
  type CreatePartnerData,
  type UpdatePartnerData,
} from '../partner.schema.js';
import { PartnerEditorService } from '../partner-editor.service.js';
import { AdminPartnerModel, PartnerUsageDayModel } from './admin-partner.model.js';
import { CreatePartnerInput, RotatePartnerKeyInput, UpdatePartnerInput } from './partner-admin.inputs.js';
import { PartnerKeyPayload, UpdatePartnerPayload } from './partner-admin.payloads.js';

const DAY_MS = 86_400_000;

@Resolver(() => AdminPartnerModel)
export class PartnerAdminResolver {
  constructor(private readonly partnerService: PartnerEditorService) {}

  // A handful of partners per publisher: one list, no paging.
  @Query(() => [AdminPartnerModel], { description: 'Every syndication partner, by name (admins only)' })
  @Requires('ADMIN', 'list partners')
  async partners(): Promise<AdminPartnerModel[]> {
    return (await this.partnerService.list()).map(AdminPartnerModel.fromRow);
  }

  @ResolveField(() => [PartnerUsageDayModel], {
    description: 'Requests per UTC day, newest first; days without any are left out',
  })
  async usage(
    @Parent() partner: AdminPartnerModel,
    @ValidInput(Int, usageDaysSchema, { arg: 'days', defaultValue: 30, description: 'How many days back, today included' })
    count: number,
  ): Promise<PartnerUsageDayModel[]> {
    const today = new Date(new Date().toISOString().slice(0, 10));
    const rows = await this.partnerService.usageSince([partner.id], new Date(today.getTime() - (count - 1) * DAY_MS));
    return rows.map((row) => ({ day: row.day.toISOString().slice(0, 10), requests: row.requests }));
  }

  @Mutation(() => PartnerKeyPayload, { description: 'Adds a partner and shows its key once (admins only)' })
  @Requires('ADMIN', 'manage partners')
  async createPartner(
    @ValidInput(CreatePartnerInput, createPartnerSchema) input: CreatePartnerData,
    @CurrentActor() actor: Actor,
  ): Promise<PartnerKeyPayload> {
    const { key, partner } = await this.partnerService.create(actor, input);
    return { key, partner: AdminPartnerModel.fromRow(partner) };
  }

  @Mutation(() => UpdatePartnerPayload, { description: "Changes a partner's name, scope, limits or enabled flag (admins only)" })
  @Requires('ADMIN', 'manage partners')
  async updatePartner(
    @ValidInput(UpdatePartnerInput, updatePartnerSchema) input: UpdatePartnerData,
    @CurrentActor() actor: Actor,
  ): Promise<UpdatePartnerPayload> {
    const partner = await this.partnerService.update(actor, input);
    return { partner: AdminPartnerModel.fromRow(partner) };
  }

  @Mutation(() => PartnerKeyPayload, {
    description: 'Gives a partner a new key, shown once; the old one stops working (admins only)',
  })
  @Requires('ADMIN', 'manage partners')
  async rotatePartnerKey(
    @ValidInput(RotatePartnerKeyInput, partnerIdSchema) { id }: z.output<typeof partnerIdSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<PartnerKeyPayload> {
    const { key, partner } = await this.partnerService.rotateKey(actor, id);
    return { key, partner: AdminPartnerModel.fromRow(partner) };
  }
}
