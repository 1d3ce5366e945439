import { getSchema } from '@tiptap/core';
import { DOMParser as PmDomParser, DOMSerializer, Node as PmNode } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { articleBodySchema } from '../../../src/articles/body/article-body.schema';
import { renderBodyHtml as render } from '../../../src/articles/body/article-body.renderer';

// The API's renderer, with no embed hosts (these bodies frame nothing).
const renderBodyHtml = (body: Parameters<typeof render>[0]) => render(body, { embeds: { hosts: [] } });
import { bodyExtensions } from './body-extensions';
import { blocksToDoc, docToBlocks, type ArticleBody } from './body-mapping';

const schema = getSchema(bodyExtensions);

// Through a real ProseMirror document of the editor's schema, as the editor holds it.
function roundTrip(body: ArticleBody): ArticleBody {
  const node = PmNode.fromJSON(schema, blocksToDoc(body));
  node.check();
  return docToBlocks(node.toJSON());
}

// The public id of a media library image, as adminImages and uploads give it ("Image:<uuid>", base64url).
const LIBRARY_IMAGE_ID = Buffer.from('Image:0d4c1d0e-8f6a-4c3b-9b1e-5a2f3c4d5e6f').toString('base64url');

// Every block kind and every field, in canonical form.
const CANONICAL: ArticleBody = [
  { type: 'paragraph', text: 'Plain text, with "quotes" & <angles>.' },
  {
    type: 'paragraph',
    children: [
      { text: 'Bold', marks: ['strong'] },
      { text: ' and ' },
      { text: 'both', marks: ['em', 'strong'] },
      { text: ', a ' },
      { text: 'link', href: 'https://example.com/a?b=c' },
      { text: ', a ' },
      { text: 'site link', marks: ['em'], href: '/politics' },
      { text: ', ' },
      { text: 'mail', href: 'mailto:desk@example.com' },
      { text: ', H' },
      { text: '2', marks: ['sub'] },
      { text: 'O, E=mc' },
      { text: '2', marks: ['sup'] },
      { text: ', ' },
      { text: 'code()', marks: ['code'] },
      { text: ' and ' },
      { text: 'struck', marks: ['strike'] },
    ],
  },
  { type: 'paragraph', text: '' },
  { type: 'heading', level: 2, text: 'Level two' },
  { type: 'heading', level: 3, children: [{ text: 'Level ' }, { text: 'three', marks: ['em'] }] },
  { type: 'heading', level: 4, text: 'Level four' },
  { type: 'quote', text: 'A quote without attribution.' },
  { type: 'quote', children: [{ text: 'Quoted ' }, { text: 'strongly', marks: ['strong'] }], attribution: 'A. Speaker' },
  { type: 'list', style: 'bulleted', items: ['One', [{ text: 'Two', marks: ['strong'] }, { text: ' items' }], ''] },
  { type: 'list', style: 'numbered', items: ['First', 'Second'] },
  {
    type: 'image',
    url: 'https://cdn.example.com/photo.jpg',
    imageId: '7b0d2a4e-3f0c-4a7b-9a8e-2f7c1d3e4b5a',
    alt: 'A market in Bamako',
    caption: 'Traders at dawn',
    credit: 'Photo: A. Photographer',
    width: 1600,
    height: 900,
  },
  { type: 'image', url: '/media/plain.png' },
  // By reference to a library image (its public id), with and without this article's overrides.
  { type: 'image', imageId: LIBRARY_IMAGE_ID },
  { type: 'image', imageId: LIBRARY_IMAGE_ID, alt: 'Traders at dawn, close up', caption: 'Here: the first stall' },
  {
    type: 'embed',
    url: 'https://www.youtube.com/watch?v=abc',
    provider: 'youtube',
    caption: 'The interview',
    html: '<iframe src="https://www.youtube.com/embed/abc" title="Interview"></iframe>',
  },
  { type: 'embed', url: 'https://example.com/chart' },
];

describe('body blocks <-> ProseMirror document', () => {
  it('the canonical fixture is a valid Newsdesk body', () => {
    expect(articleBodySchema.safeParse(CANONICAL).success).toBe(true);
  });

  // Alone, an empty paragraph is an empty editor, i.e. the empty body (next test); here it has company.
  it.each(CANONICAL.map((block, index) => [`${block.type} #${index}`, block] as const))(
    'round-trips %s exactly',
    (_name, block) => {
      expect(roundTrip([block, { type: 'paragraph', text: 'after' }])).toEqual([block, { type: 'paragraph', text: 'after' }]);
    },
  );

  it('round-trips a whole body in order', () => {
    expect(roundTrip(CANONICAL)).toEqual(CANONICAL);
  });

  it('maps an empty body to one empty paragraph and back to []', () => {
    expect(blocksToDoc([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(roundTrip([])).toEqual([]);
    expect(roundTrip([{ type: 'paragraph', text: '' }])).toEqual([]);
  });

  it('brings any valid body back rendering the same HTML (non-canonical forms)', () => {
    const body: ArticleBody = [
      { type: 'paragraph', children: [{ text: 'plain as children' }] },
      { type: 'paragraph', children: [{ text: 'split ' }, { text: 'runs' }, { text: '' }] },
      { type: 'heading', text: 'No level given' },
      { type: 'paragraph', children: [{ text: 'marks', marks: ['strong', 'em'] }] },
      { type: 'list', items: ['default style', [{ text: 'inline' }]] },
      { type: 'image', url: 'https://cdn.example.com/x.jpg', caption: '' },
    ];
    const back = roundTrip(body);
    expect(articleBodySchema.safeParse(back).success).toBe(true);
    expect(renderBodyHtml(articleBodySchema.parse(back))).toBe(renderBodyHtml(articleBodySchema.parse(body)));
  });

  it('splits a multi-paragraph quote into quote blocks, attribution on the last', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          attrs: { attribution: 'Someone' },
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'One' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Two' }] },
          ],
        },
      ],
    };
    expect(docToBlocks(doc)).toEqual([
      { type: 'quote', text: 'One' },
      { type: 'quote', text: 'Two', attribution: 'Someone' },
    ]);
  });
});

describe('pasting from Google Docs and Word', () => {
  const window = new Window();

  function paste(html: string): ArticleBody {
    const container = window.document.createElement('div');
    container.innerHTML = html;
    const doc = PmDomParser.fromSchema(schema).parse(container as unknown as globalThis.Node);
    const blocks = docToBlocks(doc.toJSON());
    expect(articleBodySchema.safeParse(blocks).success).toBe(true);
    return blocks;
  }

  it('keeps headings, paragraphs, emphasis, links and lists from Google Docs and drops the styling', () => {
    // As Google Docs puts it on the clipboard: a <b> wrapper that is not bold, styled spans, <h1>.
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234">' +
      '<h1 dir="ltr" style="line-height:1.38;margin-top:20pt"><span style="font-size:20pt;font-family:Arial;color:#000000;font-weight:400">Mali after the coup</span></h1>' +
      '<p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-family:Arial;color:#ff0000;background-color:#ffff00">The junta </span>' +
      '<span style="font-size:11pt;font-weight:700">digs in</span><span style="font-size:11pt">, says </span>' +
      '<a href="https://example.com/report" style="text-decoration:none"><span style="color:#1155cc;text-decoration:underline">a report</span></a>' +
      '<span style="font-size:11pt;font-style:italic">.</span></p>' +
      '<ul style="margin-top:0"><li dir="ltr" style="list-style-type:disc"><p dir="ltr"><span style="font-size:11pt">First point</span></p></li>' +
      '<li dir="ltr"><p dir="ltr"><span style="font-size:11pt">Second point</span></p></li></ul>' +
      '<h5><span>A small heading</span></h5>' +
      '<p><img src="data:image/png;base64,iVBORw0KGgo=" width="100"><span>Text after an image</span></p></b>';
    expect(paste(html)).toEqual([
      { type: 'heading', level: 2, text: 'Mali after the coup' },
      {
        type: 'paragraph',
        children: [
          { text: 'The junta ' },
          { text: 'digs in', marks: ['strong'] },
          { text: ', says ' },
          { text: 'a report', href: 'https://example.com/report' },
          { text: '.', marks: ['em'] },
        ],
      },
      { type: 'list', style: 'bulleted', items: ['First point', 'Second point'] },
      { type: 'heading', level: 4, text: 'A small heading' },
      { type: 'paragraph', text: 'Text after an image' },
    ]);
  });

  it('keeps a quote with its attribution and a figure with caption and credit (the API renderer output)', () => {
    const html = renderBodyHtml(
      articleBodySchema.parse([
        { type: 'quote', text: 'We will stay.', attribution: 'The colonel' },
        { type: 'image', url: 'https://cdn.example.com/a.jpg', alt: 'Alt', caption: 'Caption', credit: 'Credit' },
        { type: 'list', style: 'numbered', items: ['a', 'b'] },
      ]),
    );
    expect(paste(html)).toEqual([
      { type: 'quote', text: 'We will stay.', attribution: 'The colonel' },
      { type: 'image', url: 'https://cdn.example.com/a.jpg', alt: 'Alt', caption: 'Caption', credit: 'Credit' },
      { type: 'list', style: 'numbered', items: ['a', 'b'] },
    ]);
  });

  it('keeps library images by reference when blocks are copied and pasted inside the editor', () => {
    const body: ArticleBody = [
      { type: 'image', imageId: LIBRARY_IMAGE_ID, caption: 'Here: the first stall' },
      { type: 'paragraph', text: 'after' },
    ];
    // What the editor puts on the clipboard: its own rendering of the document.
    const fragment = DOMSerializer.fromSchema(schema).serializeFragment(PmNode.fromJSON(schema, blocksToDoc(body)).content, {
      document: window.document as unknown as Document,
    });
    const container = window.document.createElement('div');
    container.appendChild(fragment as never);
    const html = container.innerHTML;
    expect(paste(html)).toEqual(body);
  });

  it('drops links the API would refuse (javascript:, relative paths)', () => {
    expect(paste('<p><a href="javascript:alert(1)">x</a> <a href="page.html">y</a></p>')).toEqual([
      { type: 'paragraph', text: 'x y' },
    ]);
  });
});
