import { fromGlobalId } from '../../../src/common/global-id.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createPartner, readChanges } from '../../utils/syndication.js';
import { waitFor } from '../../utils/wait-for.js';

const YOUTUBE = 'https://www.youtube.com/embed/abc';
const SANDBOX = 'sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"';

// Embed code as an editor (or a stolen editor account) might paste it.
const HOSTILE_EMBEDS = [
  {
    type: 'embed',
    url: 'https://youtu.be/abc',
    provider: 'youtube',
    html:
      `<iframe src="${YOUTUBE}" width="99999" height="315" onload="steal()" ` +
      `allow="camera; microphone; geolocation; autoplay; fullscreen"></iframe><script>steal()</script>`,
  },
  { type: 'embed', url: 'https://evil.example/', html: '<iframe src="https://evil.example/phish"></iframe>' },
  {
    type: 'embed',
    url: 'https://x.com/a/status/1',
    provider: 'x',
    html: '<blockquote class="twitter-tweet" onmouseover="steal()"><a href="javascript:steal()">t</a></blockquote><img src=x onerror=steal()>',
  },
];

const UNSAFE = /<script|onload|onerror|onmouseover|javascript:|evil\.example\/phish|camera|microphone|geolocation|99999/;

const PUBLIC_ARTICLE = 'query($slug: String!) { article(slug: $slug) { body bodyHtml } }';

function expectSafe(json: unknown) {
  const text = JSON.stringify(json);
  expect(text).not.toMatch(UNSAFE);
  expect(text).toContain(`<iframe src=\\"${YOUTUBE}\\" width=\\"2000\\" height=\\"315\\" allow=\\"autoplay; fullscreen\\"`);
  expect(text).toContain(SANDBOX.replaceAll('"', '\\"'));
}

describe('embed HTML is sanitised when saved', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  const publish = async (headline: string, body: unknown[]) => {
    const draft = await mutateArticle(admin.admin, 'createArticle', { headline, body });
    return mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
  };

  it('stores and serves only the sanitised embed: admin body, public body and bodyHtml', async () => {
    const article = await publish('Embeds on write', HOSTILE_EMBEDS);
    expectSafe(article.body);
    const row = await t.prisma.article.findUniqueOrThrow({ where: { id: fromGlobalId(article.id)!.id } });
    expectSafe(row.body);
    const { article: pub } = await t.graphql.data(PUBLIC_ARTICLE, { slug: article.slug });
    expectSafe(pub.body);
    expectSafe(pub.bodyHtml);
    // The embed whose only iframe was refused keeps its URL, so it renders as a link.
    expect(pub.body[1]).toEqual({ type: 'embed', url: 'https://evil.example/' });
  });

  it('sanitises pending edits of a live article, and the change feed carries the clean body', async () => {
    const partner = await createPartner(admin, { name: 'Full text mirror', fullText: true });
    const live = await publish('Embeds pending', [{ type: 'paragraph', text: 'First version' }]);
    const pending = await mutateArticle(admin.admin, 'updateArticle', {
      id: live.id,
      expectedVersion: live.version,
      body: HOSTILE_EMBEDS,
    });
    const row = await t.prisma.article.findUniqueOrThrow({ where: { id: fromGlobalId(live.id)!.id } });
    expectSafe(row.pendingChanges);
    await mutateArticle(admin.admin, 'publishArticle', { id: live.id, expectedVersion: pending.version });
    const { changes } = await waitFor(async () => {
      const read = await readChanges(t, partner.key);
      return read.changes.some((change) => change.action === 'updated' && change.id === live.id) && read;
    });
    const updated = changes.filter((change) => change.id === live.id).at(-1)!;
    expectSafe(updated.article.body);
    expectSafe(updated.article.bodyHtml);
  });

  it('re-sanitises bodies stored before, once, through the job the migration enqueued', async () => {
    // The migration's job already ran on this fresh database (it found nothing to do).
    const fromMigration = await waitFor(() =>
      t.prisma.job.findFirst({ where: { name: 'article.sanitize-stored-embeds', completedAt: { not: null } } }),
    );
    expect(fromMigration.failedAt).toBeNull();
    const article = await publish('Stored before the fix', [{ type: 'paragraph', text: 'x' }]);
    const id = fromGlobalId(article.id)!.id;
    const updatedAt = new Date('2026-01-02T03:04:05.000Z');
    await t.prisma.article.update({ where: { id }, data: { body: HOSTILE_EMBEDS, updatedAt } });
    expect(JSON.stringify((await t.graphql.data(PUBLIC_ARTICLE, { slug: article.slug })).article.body)).toMatch(/<script/);

    const job = await t.prisma.job.create({ data: { name: 'article.sanitize-stored-embeds', payload: {} } });
    await waitFor(async () => (await t.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).completedAt, 10_000);
    const row = await t.prisma.article.findUniqueOrThrow({ where: { id } });
    expectSafe(row.body);
    // A data repair, not a content change: the public "updated" time stays.
    expect(row.updatedAt).toEqual(updatedAt);
    expectSafe((await t.graphql.data(PUBLIC_ARTICLE, { slug: article.slug })).article.body);
  });
});

describe('EMBED_HOSTS', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp({ EMBED_HOSTS: 'charts.example.org, Maps.Example.org' });
    admin = await loginAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  it('replaces the default providers', async () => {
    const article = await mutateArticle(admin.admin, 'createArticle', {
      headline: 'Own chart host',
      body: [
        { type: 'embed', url: 'https://youtu.be/abc', html: `<iframe src="${YOUTUBE}"></iframe>` },
        { type: 'embed', url: 'https://charts.example.org/1', html: '<iframe src="https://charts.example.org/1"></iframe>' },
        { type: 'embed', url: 'https://maps.example.org/1', html: '<iframe src="https://maps.example.org/1"></iframe>' },
      ],
    });
    expect(article.body).toEqual([
      { type: 'embed', url: 'https://youtu.be/abc' },
      {
        type: 'embed',
        url: 'https://charts.example.org/1',
        html: `<iframe src="https://charts.example.org/1" ${SANDBOX}></iframe>`,
      },
      { type: 'embed', url: 'https://maps.example.org/1', html: `<iframe src="https://maps.example.org/1" ${SANDBOX}></iframe>` },
    ]);
  });
});
