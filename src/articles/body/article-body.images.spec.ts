import { toGlobalId } from '../../common/global-id.js';
import { referencedImageIds } from './article-body.images.js';
import { renderBodyHtml, type RenderableImage } from './article-body.renderer.js';
import { articleBodySchema, type ArticleBodyInput } from './article-body.schema.js';

const NO_EMBEDS = { hosts: [] };

const UUID = '01920b6e-4a00-7c3e-9d61-2f5a8b7c0d01';
const OTHER = '01920b6e-4a00-7c3e-9d61-2f5a8b7c0d02';
const imageId = toGlobalId('Image', UUID);

const library: RenderableImage = {
  src: 'https://api.example/media/a/1200x0/inside-1.auto',
  srcset: 'https://api.example/media/a/320x0/inside-1.auto 320w, https://api.example/media/a/1200x0/inside-1.auto 1200w',
  width: 1200,
  height: 800,
  alt: 'Library alt',
  caption: 'Library caption',
  credit: 'REUTERS/Someone',
};

const parse = (body: ArticleBodyInput) => articleBodySchema.parse(body);
const issuesOf = (body: unknown) => {
  const result = articleBodySchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

describe('image blocks by reference', () => {
  it('take the public Image id and may override only caption and alt', () => {
    expect(parse([{ type: 'image', imageId, caption: 'For this story' }])).toEqual([
      { type: 'image', imageId, caption: 'For this story' },
    ]);
    expect(issuesOf([{ type: 'image', imageId, url: '/a.jpg', credit: 'x', width: 5 }]).map((issue) => issue.path)).toEqual([
      [0, 'url'],
      [0, 'credit'],
      [0, 'width'],
    ]);
    expect(issuesOf([{ type: 'image', imageId: toGlobalId('Article', UUID) }])[0]?.path).toEqual([0, 'imageId']);
    expect(issuesOf([{ type: 'image' }])[0]).toEqual({
      path: [0, 'imageId'],
      message: 'Give imageId (a media library image) or url',
    });
  });

  it('still accept the legacy forms: an external url, or a copied block with a raw uuid', () => {
    expect(issuesOf([{ type: 'image', url: 'https://cdn.example/a.jpg', credit: 'AP', width: 10, height: 5 }])).toEqual([]);
    expect(issuesOf([{ type: 'image', imageId: UUID, url: '/a.jpg', caption: 'copy' }])).toEqual([]);
  });

  it('lists the images a body refers to once each, from either id form', () => {
    const body = parse([
      { type: 'image', imageId },
      { type: 'paragraph', text: 'x' },
      { type: 'image', imageId: OTHER, url: '/b.jpg' },
      { type: 'image', imageId },
      { type: 'image', url: 'https://cdn.example/c.jpg' },
    ]);
    expect(referencedImageIds(body)).toEqual([UUID, OTHER]);
  });

  it('render from the library image, with the block overriding caption and alt, srcset, sizes and lazy after the first', () => {
    const body = parse([
      { type: 'image', imageId },
      { type: 'image', imageId, caption: 'Only here', alt: 'Own alt' },
    ]);
    const html = renderBodyHtml(body, {
      embeds: NO_EMBEDS,
      images: new Map([[UUID, library]]),
      sizes: '(min-width: 60em) 50vw, 100vw',
    });
    const [first, second] = html.split('\n');
    expect(first).toBe(
      `<figure><img src="${library.src}" srcset="${library.srcset}" sizes="(min-width: 60em) 50vw, 100vw" alt="Library alt" ` +
        'width="1200" height="800" /><figcaption>Library caption <span class="credit">REUTERS/Someone</span></figcaption></figure>',
    );
    expect(second).toContain('alt="Own alt"');
    expect(second).toContain('loading="lazy"');
    expect(second).toContain('<figcaption>Only here <span class="credit">REUTERS/Someone</span></figcaption>');
  });

  it('render nothing for an image that is gone (trashed or purged), and a legacy copy from the block', () => {
    const body = parse([
      { type: 'image', imageId },
      { type: 'image', imageId: OTHER, url: '/b.jpg', caption: 'Copied' },
    ]);
    expect(renderBodyHtml(body, { embeds: NO_EMBEDS, images: new Map() })).toBe(
      '<figure><img src="/b.jpg" alt="" /><figcaption>Copied</figcaption></figure>',
    );
  });
});
