import { z } from 'zod';

export const SEND_CONFIRMATION_JOB = 'newsletter.send-confirmation';

export const sendConfirmationPayload = z.object({
  subscriberId: z.uuid().describe('The subscriber to send the double opt-in mail to'),
});
