import { z } from 'zod';
import { FeedErrors } from './feed.exception.js';
import { containsNul } from '../common/nul-characters.js';
import type { FeedFormat } from './feed-item.js';
import type { FeedKind } from './feed.service.js';

const FORMAT_BY_FILE: Record<string, FeedFormat> = { 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };

const feedFile = z
  .string()
  .refine((file) => Object.hasOwn(FORMAT_BY_FILE, file), { error: 'one of rss.xml, atom.xml, feed.json' })
  .transform((file) => FORMAT_BY_FILE[file]!);

export const siteFeedParamsSchema = z.object({ file: feedFile.describe('rss.xml, atom.xml or feed.json') });

export const subjectFeedParamsSchema = z.object({
  kind: z.enum(['tags', 'sections', 'series', 'authors'] satisfies FeedKind[]).describe('What the feed is about'),
  slug: z.string().min(1).max(200).describe('Slug of the tag, section, series or author'),
  file: feedFile.describe('rss.xml, atom.xml or feed.json'),
});

// A path that names no feed is a missing resource, not bad input; nor can a slug with a NUL name one.
export function parseFeedParams<T extends z.ZodType>(schema: T, params: unknown): z.output<T> {
  const parsed = schema.safeParse(params);
  if (!parsed.success || containsNul(params)) throw FeedErrors.noSuchFeed();
  return parsed.data;
}
