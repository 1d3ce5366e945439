import { z } from 'zod';

// "articles-<n>.xml" with n a plain positive integer (no leading zeros, so each page has one URL).
export const articlesFileSchema = z
  .string()
  .regex(/^articles-[1-9][0-9]{0,8}\.xml$/)
  .transform((file) => Number(file.slice('articles-'.length, -'.xml'.length)))
  .describe('articles-<n>.xml, n from 1');
