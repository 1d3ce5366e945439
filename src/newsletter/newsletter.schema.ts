import { z } from 'zod';

export const SUBSCRIBER_STATUSES = ['PENDING', 'CONFIRMED', 'UNSUBSCRIBED'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

// Stored lower-cased, so "Jane@Example.com" and "jane@example.com" are one subscriber.
export const subscribeSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email('must be an email address'))
    .transform((email) => email.toLowerCase())
    .describe('The address to subscribe; a confirmation mail is sent to it'),
});

export const subscribersFilterSchema = z.object({
  status: z.enum(SUBSCRIBER_STATUSES).nullish().describe('Only subscribers in this state'),
  first: z.number().int().min(0).max(100, 'must be at most 100').nullish().describe('Page size (default 20)'),
  after: z.string().max(512).nullish().describe('Cursor of the last subscriber of the previous page'),
});

export type SubscribersFilter = z.output<typeof subscribersFilterSchema>;

// A round-up covers at most about a month, so one request cannot make the server read the archive.
export const MAX_ROUNDUP_DAYS = 31;

export const roundupRangeSchema = z
  .object({
    from: z.date().describe('Start of the range, inclusive'),
    to: z.date().describe('End of the range, exclusive'),
  })
  .refine((range) => range.to > range.from, { message: 'must be after from', path: ['to'] })
  .refine((range) => range.to.getTime() - range.from.getTime() <= MAX_ROUNDUP_DAYS * 86_400_000, {
    message: `the range may span at most ${MAX_ROUNDUP_DAYS} days`,
    path: ['to'],
  });

export type RoundupRange = z.output<typeof roundupRangeSchema>;
