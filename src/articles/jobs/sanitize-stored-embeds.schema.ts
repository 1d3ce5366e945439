import { z } from 'zod';

export const SANITIZE_STORED_EMBEDS_JOB = 'article.sanitize-stored-embeds';

// Enqueued once by the migration 20261201090000_sanitize_stored_embeds; it takes no arguments.
export const sanitizeStoredEmbedsPayload = z.object({}).describe('No payload');
