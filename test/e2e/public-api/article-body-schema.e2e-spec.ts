import { Ajv2020 } from 'ajv/dist/2020.js';
import { maliArticle } from '../../../src/seed/demo-content.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

// The body block format as JSON Schema, for client developers and their validators (here ajv).
describe('GET /schema/article-body.json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves a JSON Schema (2020-12) that accepts a real body and refuses bad ones', async () => {
    const response = await fetch(`${t.baseUrl}/schema/article-body.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const schema = (await response.json()) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = new Ajv2020({ strict: false }).compile(schema);

    expect(validate(maliArticle.body)).toBe(true);
    expect(
      validate([
        {
          type: 'paragraph',
          children: [
            { text: 'Hi ', marks: ['em'] },
            { text: 'there', href: 'https://example.com' },
          ],
        },
      ]),
    ).toBe(true);
    for (const bad of [
      [{ type: 'video', src: 'x' }],
      [{ type: 'paragraph', text: 'x', colour: 'red' }],
      [{ type: 'heading', level: 7, text: 'Too deep' }],
      [{ type: 'paragraph', children: [{ text: 'x', marks: ['blink'] }] }],
      { type: 'paragraph', text: 'not an array' },
    ]) {
      expect({ bad, valid: validate(bad) }).toEqual({ bad, valid: false });
    }
  });
});
