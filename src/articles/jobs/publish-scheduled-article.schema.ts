import { z } from 'zod';

export const publishScheduledArticlePayload = z.object({
  articleId: z.uuid().describe('The SCHEDULED article to publish once its time has come'),
});
