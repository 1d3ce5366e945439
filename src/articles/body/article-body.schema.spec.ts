import { ARTICLE_BODY_LIMITS, articleBodySchema } from './article-body.schema.js';

function issuesOf(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = articleBodySchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

function paragraphWithHref(href: string): unknown[] {
  return [{ type: 'paragraph', children: [{ text: 'see ' }, { text: 'this', href }] }];
}

const uuid = '0193a3c1-6c1e-7d2a-9b1c-0a1b2c3d4e5f';

describe('articleBodySchema', () => {
  describe('accepts', () => {
    it('the minimal plain-text paragraph exactly as written', () => {
      const body = [{ type: 'paragraph', text: 'plain text' }];
      expect(articleBodySchema.parse(body)).toStrictEqual(body);
    });

    it('an empty body', () => {
      expect(articleBodySchema.parse([])).toEqual([]);
    });

    it('every block type, filling in defaults', () => {
      const parsed = articleBodySchema.parse([
        {
          type: 'paragraph',
          children: [{ text: 'Hello ' }, { text: 'world', marks: ['em', 'strong'], href: '/world' }],
        },
        { type: 'heading', text: 'Background' },
        { type: 'quote', text: 'We will rebuild.', attribution: 'The mayor' },
        { type: 'list', items: ['one', [{ text: 'two', marks: ['code'] }]] },
        {
          type: 'image',
          url: '/media/a.jpg',
          imageId: uuid,
          alt: 'A',
          caption: 'C',
          credit: 'AP',
          width: 1200,
          height: 800,
        },
        {
          type: 'embed',
          url: 'https://www.youtube.com/watch?v=abc',
          provider: 'youtube',
          caption: 'Clip',
          html: '<iframe></iframe>',
        },
      ]);
      expect(parsed[1]).toEqual({ type: 'heading', level: 2, text: 'Background' });
      expect(parsed[3]).toMatchObject({ type: 'list', style: 'bulleted' });
    });

    it('emoji, quotes and markup-like text verbatim (escaping is the renderer’s job)', () => {
      const body = [{ type: 'paragraph', text: '<script>alert("hi")</script> & 👩‍💻 “quoted”' }];
      expect(articleBodySchema.parse(body)).toStrictEqual(body);
    });

    it.each(['https://example.com/a?b=c#d', 'http://example.com', 'mailto:desk@example.com', '/news/local', '/'])(
      'inline href %s',
      (href) => {
        expect(articleBodySchema.safeParse(paragraphWithHref(href)).success).toBe(true);
      },
    );

    it('strings at the length limit', () => {
      const text = 'a'.repeat(ARTICLE_BODY_LIMITS.textLength);
      expect(articleBodySchema.safeParse([{ type: 'paragraph', text }]).success).toBe(true);
    });

    it('the maximum number of blocks and list items', () => {
      const blocks = Array.from({ length: ARTICLE_BODY_LIMITS.blocks }, () => ({ type: 'paragraph', text: 'x' }));
      const items = Array.from({ length: ARTICLE_BODY_LIMITS.listItems }, () => 'item');
      expect(articleBodySchema.safeParse(blocks).success).toBe(true);
      expect(articleBodySchema.safeParse([{ type: 'list', items }]).success).toBe(true);
    });

    it('embed html containing script (it is neutralised on render, not rejected on write)', () => {
      const body = [
        {
          type: 'embed',
          url: 'https://x.com/a/status/1',
          html: '<blockquote>t</blockquote><script src="https://x"></script>',
        },
      ];
      expect(articleBodySchema.safeParse(body).success).toBe(true);
    });
  });

  describe('rejects', () => {
    it('a body that is not an array', () => {
      expect(issuesOf({ type: 'paragraph', text: 'x' })).toEqual([
        { path: [], message: 'Article body must be an array of blocks' },
      ]);
    });

    it('too many blocks', () => {
      const blocks = Array.from({ length: ARTICLE_BODY_LIMITS.blocks + 1 }, () => ({ type: 'paragraph', text: 'x' }));
      expect(issuesOf(blocks)).toEqual([{ path: [], message: 'Article body must have at most 2000 blocks' }]);
    });

    it('an unknown block type, naming it at the type field', () => {
      const [issue] = issuesOf([
        { type: 'paragraph', text: 'ok' },
        { type: 'video', url: 'https://v.example' },
      ]);
      expect(issue.path).toEqual([1, 'type']);
      expect(issue.message).toMatch(/Unknown block type "video".*paragraph, heading, quote, list, image, embed/);
    });

    it('a block without a type', () => {
      expect(issuesOf([{ text: 'x' }])).toEqual([
        { path: [0, 'type'], message: expect.stringContaining('Block is missing "type"') },
      ]);
    });

    it('unknown keys on blocks and inline nodes', () => {
      expect(issuesOf([{ type: 'paragraph', text: 'x', style: 'bold' }])).toEqual([
        { path: [0], message: 'Unknown field(s) "style" on paragraph block; allowed: type, text, children' },
      ]);
      expect(issuesOf([{ type: 'paragraph', children: [{ text: 'x', onclick: 'y' }] }])).toEqual([
        { path: [0, 'children', 0], message: 'Unknown field(s) "onclick" on inline node; allowed: text, marks, href' },
      ]);
    });

    it('a paragraph with neither text nor children, or with both', () => {
      expect(issuesOf([{ type: 'paragraph' }])).toEqual([{ path: [0], message: 'Provide either text or children' }]);
      expect(issuesOf([{ type: 'quote', text: 'a', children: [{ text: 'b' }] }])).toEqual([
        { path: [0, 'children'], message: 'Provide either text or children, not both' },
      ]);
    });

    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/phish',
      '/\\evil.example/phish',
      '/\t/evil.example',
      'ftp://example.com/file',
      'https://',
      'example.com/no-scheme',
      '#fragment',
    ])('inline href %j, pointing at the href', (href) => {
      const issues = issuesOf(paragraphWithHref(href));
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toEqual([0, 'children', 1, 'href']);
    });

    it.each(['javascript:alert(1)', 'data:image/png;base64,AAAA', '//cdn.example/a.jpg', 'ftp://example.com/a.jpg', 'a.jpg'])(
      'image url %j',
      (url) => {
        expect(issuesOf([{ type: 'image', url }])).toEqual([
          { path: [0, 'url'], message: 'Must be an http(s) URL or a site path starting with /' },
        ]);
      },
    );

    it('embed urls that are not https', () => {
      expect(issuesOf([{ type: 'embed', url: 'http://www.youtube.com/watch?v=abc' }])).toEqual([
        { path: [0, 'url'], message: 'Must be an https URL' },
      ]);
      expect(issuesOf([{ type: 'embed', url: '/local/embed' }])[0].path).toEqual([0, 'url']);
    });

    it('heading levels outside 2–4', () => {
      for (const level of [1, 5, '2']) {
        expect(issuesOf([{ type: 'heading', level, text: 'x' }])).toEqual([
          { path: [0, 'level'], message: 'Heading level must be 2, 3 or 4' },
        ]);
      }
    });

    it('empty or oversized lists, and malformed items', () => {
      expect(issuesOf([{ type: 'list', items: [] }])).toEqual([
        { path: [0, 'items'], message: 'A list needs at least one item' },
      ]);
      const tooMany = Array.from({ length: ARTICLE_BODY_LIMITS.listItems + 1 }, () => 'x');
      expect(issuesOf([{ type: 'list', items: tooMany }])[0].path).toEqual([0, 'items']);
      expect(issuesOf([{ type: 'list', items: ['ok', 42] }])).toEqual([
        { path: [0, 'items', 1], message: 'A list item must be a string or an array of inline nodes' },
      ]);
      expect(issuesOf([{ type: 'list', items: [[{ text: 'x', href: 'javascript:void(0)' }]] }])[0].path).toEqual([
        0,
        'items',
        0,
        0,
        'href',
      ]);
      expect(issuesOf([{ type: 'list', style: 'dashed', items: ['x'] }])[0].path).toEqual([0, 'style']);
    });

    it('unknown marks', () => {
      expect(issuesOf([{ type: 'paragraph', children: [{ text: 'x', marks: ['em', 'blink'] }] }])[0].path).toEqual([
        0,
        'children',
        0,
        'marks',
        1,
      ]);
    });

    it('strings over their limits', () => {
      const tooLong = 'a'.repeat(ARTICLE_BODY_LIMITS.textLength + 1);
      expect(issuesOf([{ type: 'paragraph', text: tooLong }])).toEqual([
        { path: [0, 'text'], message: 'Must be at most 20000 characters' },
      ]);
      const caption = 'c'.repeat(ARTICLE_BODY_LIMITS.captionLength + 1);
      expect(issuesOf([{ type: 'image', url: '/a.jpg', caption }])[0].path).toEqual([0, 'caption']);
      const url = `https://example.com/${'p'.repeat(ARTICLE_BODY_LIMITS.urlLength)}`;
      expect(issuesOf([{ type: 'embed', url }])[0].path).toEqual([0, 'url']);
    });

    it('characters Postgres jsonb cannot store', () => {
      expect(issuesOf([{ type: 'paragraph', text: 'nul\u0000byte' }])[0].path).toEqual([0, 'text']);
      expect(issuesOf([{ type: 'paragraph', text: 'half \ud83d emoji' }])[0].path).toEqual([0, 'text']);
      expect(issuesOf([{ type: 'quote', text: 'q', attribution: '\udc00' }])[0].path).toEqual([0, 'attribution']);
    });

    it('bad image metadata', () => {
      const issues = issuesOf([{ type: 'image', url: '/a.jpg', imageId: 'not-a-uuid', width: 0, height: 1.5 }]);
      expect(issues.map((issue) => issue.path)).toEqual([
        [0, 'imageId'],
        [0, 'width'],
        [0, 'height'],
      ]);
    });

    it('embed providers that are not simple identifiers', () => {
      expect(issuesOf([{ type: 'embed', url: 'https://a.example', provider: 'you"tube' }])[0].path).toEqual([0, 'provider']);
    });
  });
});
