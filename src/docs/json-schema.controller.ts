import { Controller, Get, Header } from '@nestjs/common';
import { z } from 'zod';
import { articleBodySchema } from '../articles/body/article-body.schema.js';

export const ARTICLE_BODY_SCHEMA_PATH = 'schema/article-body.json';

// The body block format, generated from the zod schema the API validates with, so the two cannot
// drift. It describes what a body may look like (block types, fields, limits); a few rules only the
// server checks (text or children, never both; safe URLs) are in the descriptions.
const ARTICLE_BODY_JSON_SCHEMA = JSON.stringify({
  ...z.toJSONSchema(articleBodySchema, { io: 'input', unrepresentable: 'any' }),
  title: 'Newsdesk article body',
  description:
    'The `body` of an article: an array of blocks (paragraph, heading, quote, list, image, embed) with inline formatting and links. Accepted by createArticle/updateArticle and returned by the public API.',
});

@Controller()
export class JsonSchemaController {
  @Get(ARTICLE_BODY_SCHEMA_PATH)
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  articleBody(): string {
    return ARTICLE_BODY_JSON_SCHEMA;
  }
}
