import type sanitizeHtml from 'sanitize-html';
import { articleBodySchema, type ArticleBody, type ArticleBodyInput } from './article-body.schema.js';

type Sanitize = typeof sanitizeHtml;

// The Jest object of a native ESM test; @types/jest does not describe this part of it.
const esmJest = (
  import.meta as unknown as {
    jest: { unstable_mockModule(name: string, factory: () => unknown): void; requireActual<T>(name: string): T };
  }
).jest;

// Records every sanitize-html call while delegating to the real library, so a test can prove the
// final pass received exactly what it returned rather than quietly repairing the renderer's output.
const sanitizeCalls: { input: string; output: string }[] = [];
const realSanitize = esmJest.requireActual<Sanitize>('sanitize-html');
esmJest.unstable_mockModule('sanitize-html', () => ({
  default: (input: string, options?: sanitizeHtml.IOptions) => {
    const output = realSanitize(input, options);
    sanitizeCalls.push({ input, output });
    return output;
  },
}));
const renderer = await import('./article-body.renderer.js');
const { IFRAME_SANDBOX } = await import('./embed-policy.js');

// The hosts the fixtures' iframes come from (EMBED_HOSTS in the app).
const EMBEDS = { hosts: ['www.youtube-nocookie.com', 'ok.example', 'a.example', 'b.example'] };
const renderBodyHtml = (body: ArticleBody) => renderer.renderBodyHtml(body, { embeds: EMBEDS });
const sanitizeBodyHtml = (html: string) => renderer.sanitizeBodyHtml(html, EMBEDS);

function finalPass(): { input: string; output: string } | undefined {
  return sanitizeCalls.at(-1);
}

// Going through the schema keeps the fixtures honest: they are bodies the API would accept.
function render(input: ArticleBodyInput): string {
  return renderBodyHtml(articleBodySchema.parse(input));
}

function renderEmbedHtml(html: string): string {
  return render([{ type: 'embed', url: 'https://media.example/item/1', provider: 'example', html }]);
}

describe('renderBodyHtml', () => {
  it('renders an empty body as an empty string', () => {
    expect(render([])).toBe('');
  });

  describe('escaping', () => {
    it('escapes text so markup in copy is shown, not executed', () => {
      expect(render([{ type: 'paragraph', text: 'Fish & chips <script>alert("x")</script> it\'s 👩‍💻 🇳🇿' }])).toBe(
        '<p>Fish &amp; chips &lt;script&gt;alert("x")&lt;/script&gt; it\'s 👩‍💻 🇳🇿</p>',
      );
      expect(finalPass()?.output).toBe(finalPass()?.input);
    });

    it('does not decode entities the editor typed literally', () => {
      expect(render([{ type: 'paragraph', text: 'AT&amp;T &lt;b&gt;' }])).toBe('<p>AT&amp;amp;T &amp;lt;b&amp;gt;</p>');
    });

    it('escapes attribute values, including double quotes', () => {
      const html = render([{ type: 'image', url: '/a.jpg?x=1&y=2', alt: 'The "Beehive" & <Parliament> 🐝' }]);
      expect(html).toContain('src="/a.jpg?x=1&amp;y=2" alt="The &quot;Beehive&quot; &amp; &lt;Parliament&gt; 🐝"');
    });

    it('escapes inline nodes, list items, headings, quotes and captions alike', () => {
      const html = render([
        { type: 'heading', level: 3, text: '<h1>' },
        { type: 'quote', children: [{ text: '<i>', marks: ['em'] }], attribution: 'A & B' },
        { type: 'list', items: ['<li>', [{ text: '&' }]] },
        { type: 'image', url: '/a.jpg', caption: '<b>cap</b>', credit: '<AP>' },
      ]);
      expect(html).not.toMatch(/<(h1|i|b|AP)>/);
      expect(html).toContain('<h3>&lt;h1&gt;</h3>');
      expect(html).toContain('<cite>A &amp; B</cite>');
      expect(html).toContain('<li>&lt;li&gt;</li><li>&amp;</li>');
      expect(html).toContain('<figcaption>&lt;b&gt;cap&lt;/b&gt; <span class="credit">&lt;AP&gt;</span></figcaption>');
    });
  });

  describe('blocks', () => {
    it('renders headings at their level, defaulting to h2', () => {
      expect(
        render([
          { type: 'heading', text: 'A' },
          { type: 'heading', level: 4, text: 'B' },
        ]),
      ).toBe('<h2>A</h2>\n<h4>B</h4>');
    });

    it('renders quotes with an optional cite', () => {
      expect(
        render([
          { type: 'quote', text: 'Q', attribution: 'Someone' },
          { type: 'quote', text: 'R' },
        ]),
      ).toBe('<blockquote><p>Q</p><cite>Someone</cite></blockquote>\n<blockquote><p>R</p></blockquote>');
    });

    it('renders bulleted and numbered lists', () => {
      expect(
        render([
          { type: 'list', items: ['a'] },
          { type: 'list', style: 'numbered', items: ['b', 'c'] },
        ]),
      ).toBe('<ul><li>a</li></ul>\n<ol><li>b</li><li>c</li></ol>');
    });

    it('nests marks in a fixed order whatever order they were given in', () => {
      const html = render([
        { type: 'paragraph', children: [{ text: 'a', marks: ['sup', 'em', 'strong', 'em'] }] },
        { type: 'paragraph', children: [{ text: 'b', marks: ['strong', 'sup', 'em'] }] },
        { type: 'paragraph', children: [{ text: 'c', marks: ['strike', 'code', 'sub'] }] },
      ]);
      expect(html).toBe(
        '<p><strong><em><sup>a</sup></em></strong></p>\n<p><strong><em><sup>b</sup></em></strong></p>\n<p><s><code><sub>c</sub></code></s></p>',
      );
    });

    it('adds rel="noopener noreferrer" to absolute links only', () => {
      const html = render([
        {
          type: 'paragraph',
          children: [
            { text: 'ext', href: 'https://example.com/?a=1&b=2' },
            { text: ' ' },
            { text: 'int', href: '/politics', marks: ['strong'] },
            { text: ' ' },
            { text: 'mail', href: 'mailto:tips@example.com' },
          ],
        },
      ]);
      expect(html).toBe(
        '<p><a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer">ext</a> ' +
          '<a href="/politics"><strong>int</strong></a> <a href="mailto:tips@example.com">mail</a></p>',
      );
    });

    it('skips empty inline runs rather than emitting empty links', () => {
      expect(render([{ type: 'paragraph', children: [{ text: '', href: '/x' }, { text: 'kept' }] }])).toBe('<p>kept</p>');
    });

    it('renders images as figures, lazy after the first, with alt="" when no alt was given', () => {
      expect(render([{ type: 'image', url: 'https://cdn.example/a.jpg' }])).toBe(
        '<figure><img src="https://cdn.example/a.jpg" alt="" /></figure>',
      );
      expect(render([{ type: 'image', url: '/a.jpg', alt: 'A', width: 640, height: 480, credit: 'Reuters' }])).toBe(
        '<figure><img src="/a.jpg" alt="A" width="640" height="480" />' +
          '<figcaption><span class="credit">Reuters</span></figcaption></figure>',
      );
      expect(
        render([
          { type: 'image', url: '/a.jpg' },
          { type: 'paragraph', text: 'x' },
          { type: 'image', url: '/b.jpg' },
        ]),
      ).toBe(
        '<figure><img src="/a.jpg" alt="" /></figure>\n<p>x</p>\n<figure><img src="/b.jpg" alt="" loading="lazy" /></figure>',
      );
    });

    it('falls back to a plain link for embeds without usable html', () => {
      expect(
        render([{ type: 'embed', url: 'https://www.datawrapper.de/_/abc/', provider: 'datawrapper', caption: 'Chart' }]),
      ).toBe(
        '<figure class="embed" data-provider="datawrapper">' +
          '<a href="https://www.datawrapper.de/_/abc/" rel="noopener noreferrer">https://www.datawrapper.de/_/abc/</a>' +
          '<figcaption>Chart</figcaption></figure>',
      );
    });

    it('keeps a safe https iframe embed from an allowed host, sandboxed', () => {
      const iframe =
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Clip" width="560" height="315" ' +
        'allow="encrypted-media; picture-in-picture" allowfullscreen';
      expect(render([{ type: 'embed', url: 'https://youtu.be/abc', provider: 'youtube', html: `${iframe}></iframe>` }])).toBe(
        `<figure class="embed" data-provider="youtube">${iframe} sandbox="${IFRAME_SANDBOX}"></iframe></figure>`,
      );
    });
  });

  describe('hostile embed html', () => {
    it('drops scripts but keeps the provider blockquote they would hydrate', () => {
      const html = renderEmbedHtml(
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Hello</p>&mdash; A (@a) ' +
          '<a href="https://twitter.com/a/status/1">May 1</a></blockquote>' +
          '<script async src="https://platform.twitter.com/widgets.js"></script>',
      );
      expect(html).toBe(
        '<figure class="embed" data-provider="example"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Hello</p>— A (@a) ' +
          '<a href="https://twitter.com/a/status/1" rel="noopener noreferrer">May 1</a></blockquote></figure>',
      );
    });

    it('strips event handlers such as onerror and onload', () => {
      const html = renderEmbedHtml(
        '<img src="x" onerror="alert(1)"><iframe src="https://ok.example/e" onload="alert(2)"></iframe>',
      );
      expect(html).not.toMatch(/onerror|onload|<img/);
      expect(html).toContain(`<iframe src="https://ok.example/e" sandbox="${IFRAME_SANDBOX}"></iframe>`);
    });

    it.each([
      ['http', '<iframe src="http://insecure.example/e"></iframe>'],
      ['protocol-relative', '<iframe src="//insecure.example/e"></iframe>'],
      ['relative', '<iframe src="/internal/admin"></iframe>'],
      ['javascript:', '<iframe src="javascript:alert(1)"></iframe>'],
      ['srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ])('removes a %s iframe entirely and falls back to the link', (_kind, embed) => {
      expect(renderEmbedHtml(embed)).toBe(
        '<figure class="embed" data-provider="example">' +
          '<a href="https://media.example/item/1" rel="noopener noreferrer">https://media.example/item/1</a></figure>',
      );
    });

    it('neutralises javascript: links, styles, forms and unknown classes', () => {
      const html = renderEmbedHtml(
        '<p style="position:fixed" class="x"><a href="javascript:alert(1)" target="_blank" rel="opener">x</a></p>' +
          '<form action="https://evil.example"><input name="pw"></form><object data="x.swf"></object>',
      );
      expect(html).toBe('<figure class="embed" data-provider="example"><p><a>x</a></p></figure>');
    });
  });

  describe('defence in depth', () => {
    const kitchenSink: ArticleBodyInput = [
      { type: 'heading', level: 2, text: 'Tom & Jerry’s "big" day <3' },
      {
        type: 'paragraph',
        children: [
          { text: 'Read ' },
          { text: 'the report', href: 'https://example.com/r?id=1&view=full', marks: ['em'] },
          { text: ', then ' },
          { text: 'our take', href: '/opinion/take' },
          { text: '. H' },
          { text: '2', marks: ['sub'] },
          { text: 'O ✓ ' },
          { text: 'x', marks: ['code', 'strike', 'sup', 'strong'] },
        ],
      },
      { type: 'quote', children: [{ text: 'It’s "done"', marks: ['strong'] }], attribution: "Ngā mihi, Mr O'Brien 🙏" },
      { type: 'list', style: 'numbered', items: ['first', [{ text: 'second', href: 'mailto:a@b.example' }]] },
      {
        type: 'image',
        url: 'https://cdn.example/i.jpg?w=1&h=2',
        alt: 'A "quoted" <alt>',
        caption: 'Caption & more',
        credit: 'AP',
        width: 1200,
        height: 800,
      },
      {
        type: 'embed',
        url: 'https://x.com/a/status/1',
        provider: 'x',
        caption: 'Post',
        html: '<blockquote class="twitter-tweet" data-dnt="true" cite="https://x.com/a/status/1"><p>Hi<br>there</p></blockquote>',
      },
    ];

    const expected = [
      '<h2>Tom &amp; Jerry’s "big" day &lt;3</h2>',
      '<p>Read <a href="https://example.com/r?id=1&amp;view=full" rel="noopener noreferrer"><em>the report</em></a>, then ' +
        '<a href="/opinion/take">our take</a>. H<sub>2</sub>O ✓ <strong><s><code><sup>x</sup></code></s></strong></p>',
      '<blockquote><p><strong>It’s "done"</strong></p><cite>Ngā mihi, Mr O\'Brien 🙏</cite></blockquote>',
      '<ol><li>first</li><li><a href="mailto:a@b.example">second</a></li></ol>',
      '<figure><img src="https://cdn.example/i.jpg?w=1&amp;h=2" alt="A &quot;quoted&quot; &lt;alt&gt;" width="1200" height="800" />' +
        '<figcaption>Caption &amp; more <span class="credit">AP</span></figcaption></figure>',
      '<figure class="embed" data-provider="x"><blockquote class="twitter-tweet" data-dnt="true" cite="https://x.com/a/status/1">' +
        '<p>Hi<br />there</p></blockquote><figcaption>Post</figcaption></figure>',
    ].join('\n');

    it('renders every block type to the expected markup', () => {
      expect(render(kitchenSink)).toBe(expected);
    });

    it('leaves already-safe markup byte-for-byte unchanged in the final pass', () => {
      expect(sanitizeBodyHtml(expected)).toBe(expected);
    });

    it('hands the final pass markup it has nothing to change, hostile embeds included', () => {
      sanitizeCalls.length = 0;
      render([
        ...kitchenSink,
        { type: 'paragraph', text: '"><img src=x onerror=alert(1)>' },
        {
          type: 'embed',
          url: 'https://a.example',
          html: '<iframe src="http://a.example" onload="x"></iframe><script>y</script>',
        },
        {
          type: 'embed',
          url: 'https://b.example',
          html: '<p onclick="x">a &amp; b&nbsp;c<br></p><iframe src="https://b.example/e" allowfullscreen></iframe>',
        },
      ]);
      expect(finalPass()?.output).toBe(finalPass()?.input);
    });

    it('is stable when the rendered output is sanitised again', () => {
      const hostile = render([
        { type: 'paragraph', text: '"><script>alert(1)</script>' },
        {
          type: 'embed',
          url: 'https://a.example',
          html: '<p onclick="x">a &amp; b&nbsp;c</p><iframe src="https://a.example/e" allowfullscreen></iframe>',
        },
      ]);
      expect(sanitizeBodyHtml(hostile)).toBe(hostile);
    });

    it('still neutralises a body that bypassed the schema', () => {
      const unvalidated = [
        { type: 'paragraph', children: [{ text: 'click', href: 'javascript:alert(1)' }] },
        { type: 'image', url: 'javascript:alert(2)', alt: 'x' },
        { type: 'image', url: '//evil.example/pixel.gif' },
      ] as unknown as ArticleBody;
      expect(renderBodyHtml(unvalidated)).toBe(
        '<p><a>click</a></p>\n<figure><img alt="x" /></figure>\n<figure><img alt="" loading="lazy" /></figure>',
      );
    });

    it('strips anything outside the allowlist', () => {
      expect(
        sanitizeBodyHtml(
          '<p onclick="x" style="color:red">a</p><script>alert(1)</script><h1>h</h1><span class="evil credit">c</span>' +
            '<figure class="embed hijack" data-provider="x" data-other="y"></figure><svg><use href="#x"/></svg>',
        ),
      ).toBe('<p>a</p>h<span class="credit">c</span><figure class="embed" data-provider="x"></figure>');
    });

    it('tolerates a block type it does not know', () => {
      const future = [
        { type: 'poll', question: 'Q?' },
        { type: 'paragraph', text: 'after' },
      ] as unknown as ArticleBody;
      expect(renderBodyHtml(future)).toBe('<p>after</p>');
    });
  });
});
