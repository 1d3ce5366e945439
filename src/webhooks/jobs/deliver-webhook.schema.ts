import { z } from 'zod';

export const deliverWebhookPayload = z.object({
  deliveryId: z.uuid().describe('The webhook_deliveries row to send'),
});
