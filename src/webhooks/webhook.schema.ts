import { z } from 'zod';
import { WEBHOOK_EVENTS } from './webhook-events.js';

const url = z
  .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
  .max(2000)
  .describe('Where deliveries are POSTed');
const events = z
  .array(z.enum(WEBHOOK_EVENTS, { message: `must be one of ${WEBHOOK_EVENTS.join(', ')}` }))
  .min(1, 'subscribe to at least one event')
  .transform((list) => [...new Set(list)])
  .describe('The events delivered to the endpoint');
const description = z.string().trim().max(500).describe('A note for admins: who receives this and why');

export const createWebhookEndpointSchema = z.object({
  url,
  events,
  description: description.nullish(),
});

export const updateWebhookEndpointSchema = z.object({
  id: z.uuid().describe('The endpoint to change'),
  url: url.nullish(),
  events: events.nullish(),
  description: description.nullish(),
  enabled: z.boolean().nullish().describe('A disabled endpoint receives nothing new'),
});

export const webhookIdSchema = z.object({ id: z.uuid().describe('A webhook endpoint id') });
export const webhookDeliveriesSchema = z.object({ endpointId: z.uuid().describe('The endpoint whose deliveries to list') });
export const redeliverWebhookSchema = z.object({ deliveryId: z.uuid().describe('The delivery to send again') });

export type CreateWebhookEndpointData = z.output<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointData = z.output<typeof updateWebhookEndpointSchema>;
