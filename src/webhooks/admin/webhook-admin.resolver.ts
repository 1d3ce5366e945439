import { Mutation, Query, Resolver } from '@nestjs/graphql';
import type { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import { CurrentActor } from '../../access/current-actor.decorator.js';
import { Requires } from '../../access/requires.decorator.js';
import { ValidArgs, ValidInput } from '../../graphql-types/valid-input.decorator.js';
import { toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { WebhookEditorService } from '../webhook-editor.service.js';
import {
  createWebhookEndpointSchema,
  redeliverWebhookSchema,
  updateWebhookEndpointSchema,
  webhookDeliveriesSchema,
  webhookIdSchema,
  type CreateWebhookEndpointData,
  type UpdateWebhookEndpointData,
} from '../webhook.schema.js';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointInput,
  RedeliverWebhookInput,
  UpdateWebhookEndpointInput,
} from './webhook-admin.inputs.js';
import {
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointPayload,
  RedeliverWebhookPayload,
  UpdateWebhookEndpointPayload,
} from './webhook-admin.payloads.js';
import { WebhookDeliveriesArgs } from './webhook-deliveries.args.js';
import { WebhookDeliveryConnection, WebhookDeliveryModel } from './webhook-delivery.model.js';
import { WebhookEndpointModel } from './webhook-endpoint.model.js';

// Webhooks send content to third parties and hold signing secrets: admins only, reads included.
@Resolver(() => WebhookEndpointModel)
export class WebhookAdminResolver {
  constructor(private readonly webhooks: WebhookEditorService) {}

  @Query(() => [WebhookEndpointModel], { description: 'Every webhook endpoint, oldest first (admins only)' })
  @Requires('ADMIN', 'list webhooks')
  async webhookEndpoints(): Promise<WebhookEndpointModel[]> {
    return (await this.webhooks.list()).map(WebhookEndpointModel.fromRow);
  }

  @Query(() => WebhookDeliveryConnection, { description: "An endpoint's deliveries, newest first (admins only)" })
  @Requires('ADMIN', 'see webhook deliveries')
  async webhookDeliveries(
    @ValidArgs(WebhookDeliveriesArgs, webhookDeliveriesSchema) args: WebhookDeliveriesArgs,
  ): Promise<Connection<WebhookDeliveryModel>> {
    const { endpointId: id, ...pageArgs } = args;
    return this.webhooks.deliveries(id, toPageRequest(pageArgs));
  }

  @Mutation(() => CreateWebhookEndpointPayload, { description: 'Adds an endpoint; returns its secret once (admins only)' })
  @Requires('ADMIN', 'manage webhooks')
  async createWebhookEndpoint(
    @ValidInput(CreateWebhookEndpointInput, createWebhookEndpointSchema) input: CreateWebhookEndpointData,
    @CurrentActor() actor: Actor,
  ): Promise<CreateWebhookEndpointPayload> {
    const endpoint = await this.webhooks.create(actor, input);
    return { endpoint: WebhookEndpointModel.fromRow(endpoint), secret: endpoint.secret };
  }

  @Mutation(() => UpdateWebhookEndpointPayload, { description: 'Changes, disables or re-enables an endpoint (admins only)' })
  @Requires('ADMIN', 'manage webhooks')
  async updateWebhookEndpoint(
    @ValidInput(UpdateWebhookEndpointInput, updateWebhookEndpointSchema) input: UpdateWebhookEndpointData,
    @CurrentActor() actor: Actor,
  ): Promise<UpdateWebhookEndpointPayload> {
    const endpoint = await this.webhooks.update(actor, input);
    return { endpoint: WebhookEndpointModel.fromRow(endpoint) };
  }

  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Deletes an endpoint and its deliveries (admins only)' })
  @Requires('ADMIN', 'manage webhooks')
  async deleteWebhookEndpoint(
    @ValidInput(DeleteWebhookEndpointInput, webhookIdSchema) { id }: z.output<typeof webhookIdSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<DeleteWebhookEndpointPayload> {
    await this.webhooks.delete(actor, id);
    return { id };
  }

  @Mutation(() => RedeliverWebhookPayload, { description: 'Sends a finished delivery again, same id (admins only)' })
  @Requires('ADMIN', 'manage webhooks')
  async redeliverWebhook(
    @ValidInput(RedeliverWebhookInput, redeliverWebhookSchema) { deliveryId }: z.output<typeof redeliverWebhookSchema>,
    @CurrentActor() actor: Actor,
  ): Promise<RedeliverWebhookPayload> {
    return { delivery: WebhookDeliveryModel.fromRow(await this.webhooks.redeliver(actor, deliveryId)) };
  }
}
