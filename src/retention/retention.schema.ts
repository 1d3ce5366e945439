import { z } from 'zod';

export const retentionPayload = z.object({ slot: z.string().describe('Start of the period this run is for (ISO time)') });
