import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';

const SUBSCRIBERS = `query ($status: NewsletterSubscriberStatus, $first: Int, $after: String) {
  newsletterSubscribers(status: $status, first: $first, after: $after) {
    totalCount edges { node { id email status confirmedAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const ROUNDUP = `query ($from: DateTime!, $to: DateTime!) {
  newsletterRoundup(from: $from, to: $to) {
    articleCount sections { id name articles { id headline dek teaser url publishedAt authors } }
  }
}`;

describe('newsletter tools for editors', () => {
  let t: TestApp;
  let factory: ContentFactory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new ContentFactory(t.prisma);
    await t.prisma.newsletterSubscriber.createMany({
      data: [
        { email: 'pending@example.com', status: 'PENDING' },
        { email: 'first@example.com', status: 'CONFIRMED', confirmedAt: new Date('2026-01-02T03:04:05Z') },
        { email: '=cmd@example.com', status: 'CONFIRMED', confirmedAt: new Date('2026-01-03T00:00:00Z') },
        { email: 'left@example.com', status: 'UNSUBSCRIBED', unsubscribedAt: new Date() },
      ],
    });
  });
  afterAll(() => t?.close());

  describe('GET /admin/newsletter/subscribers.csv', () => {
    const download = (token?: string) =>
      fetch(`${t.baseUrl}/admin/newsletter/subscribers.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('exports only confirmed addresses, for editors and admins', async () => {
      for (const role of ['EDITOR', 'ADMIN'] as const) {
        const response = await download((await loginAs(t, role)).accessToken);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="newsletter-subscribers-/);
        const lines = (await response.text()).trimEnd().split('\r\n');
        expect(lines[0]).toBe('email,confirmed_at');
        // A spreadsheet would run "=cmd…" as a formula: it is neutralised.
        expect(lines.slice(1).sort()).toEqual([
          "'=cmd@example.com,2026-01-03T00:00:00.000Z",
          'first@example.com,2026-01-02T03:04:05.000Z',
        ]);
      }
      expect(await t.prisma.auditEntry.count({ where: { action: 'newsletter.subscribers_exported' } })).toBe(2);
    });

    it('refuses anonymous callers, bad tokens and roles below editor', async () => {
      const anonymous = await download();
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as any).error.code).toBe('UNAUTHENTICATED');
      expect((await download('garbage')).status).toBe(401);
      const author = await download((await loginAs(t, 'AUTHOR')).accessToken);
      expect(author.status).toBe(403);
      expect(((await author.json()) as any).error.code).toBe('FORBIDDEN');
    });
  });

  describe('newsletterSubscribers', () => {
    it('pages through subscribers, filtered by status', async () => {
      const { admin } = await loginAs(t, 'EDITOR');
      const all = await admin.data(SUBSCRIBERS, { first: 3 });
      expect(all.newsletterSubscribers.totalCount).toBe(4);
      expect(all.newsletterSubscribers.edges).toHaveLength(3);
      expect(all.newsletterSubscribers.pageInfo.hasNextPage).toBe(true);
      const rest = await admin.data(SUBSCRIBERS, { first: 3, after: all.newsletterSubscribers.pageInfo.endCursor });
      expect(rest.newsletterSubscribers.edges).toHaveLength(1);
      expect(rest.newsletterSubscribers.pageInfo.hasNextPage).toBe(false);
      const seen = [...all.newsletterSubscribers.edges, ...rest.newsletterSubscribers.edges].map((edge: any) => edge.node.email);
      expect(new Set(seen).size).toBe(4);

      const confirmed = await admin.data(SUBSCRIBERS, { status: 'CONFIRMED' });
      expect(confirmed.newsletterSubscribers.totalCount).toBe(2);
      expect(confirmed.newsletterSubscribers.edges.every((edge: any) => edge.node.status === 'CONFIRMED')).toBe(true);
    });

    it('is for editors and above, and rejects bad paging', async () => {
      const { admin } = await loginAs(t, 'AUTHOR');
      expect((await admin.post(SUBSCRIBERS, {})).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.admin.post(SUBSCRIBERS, {})).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const editor = (await loginAs(t, 'EDITOR')).admin;
      expect((await editor.post(SUBSCRIBERS, { first: 101 })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await editor.post(SUBSCRIBERS, { after: 'not-a-cursor' })).body.errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('newsletterRoundup', () => {
    const from = new Date('2026-03-02T00:00:00Z');
    const to = new Date('2026-03-09T00:00:00Z');
    const at = (day: number) => new Date(`2026-03-0${day}T09:00:00Z`);

    it('groups the articles published in the range by section, without drafts or trashed ones', async () => {
      const world = await factory.section({ name: 'World', slug: 'world', position: 1 });
      const opinion = await factory.section({ name: 'Opinion', slug: 'opinion', position: 0 });
      const author = await factory.author({ name: 'Ada Writer' });
      await factory.article({ headline: 'World early', section: world, publishedAt: at(3), authors: [author], dek: 'A dek' });
      await factory.article({ headline: 'World late', section: world, publishedAt: at(5), teaser: 'Editor teaser' });
      await factory.article({ headline: 'Opinion piece', section: opinion, publishedAt: at(4) });
      await factory.article({ headline: 'Unfiled', publishedAt: at(6) });
      await factory.article({ headline: 'A draft', section: world, status: 'DRAFT', publishedAt: null });
      await factory.article({ headline: 'Trashed', section: world, publishedAt: at(4), deletedAt: new Date() });
      await factory.article({ headline: 'Archived', section: world, status: 'ARCHIVED', publishedAt: at(4) });
      await factory.article({ headline: 'Too early', section: world, publishedAt: new Date('2026-03-01T23:59:59Z') });
      await factory.article({ headline: 'Too late', section: world, publishedAt: to });

      const { admin } = await loginAs(t, 'EDITOR');
      const { newsletterRoundup } = await admin.data(ROUNDUP, { from: from.toISOString(), to: to.toISOString() });
      expect(newsletterRoundup.articleCount).toBe(4);
      const shape = newsletterRoundup.sections.map((section: any) => [
        section.name,
        section.articles.map((a: any) => a.headline),
      ]);
      expect(shape).toEqual([
        ['Opinion', ['Opinion piece']],
        ['World', ['World late', 'World early']],
        ['More stories', ['Unfiled']],
      ]);
      const [worldLate, worldEarly] = newsletterRoundup.sections[1].articles;
      expect(worldEarly).toMatchObject({
        dek: 'A dek',
        authors: ['Ada Writer'],
        url: expect.stringMatching(/^https:\/\/news\.example\.com\/article-/),
        publishedAt: at(3).toISOString(),
        teaser: expect.stringContaining('Body of article'),
      });
      expect(worldLate.teaser).toBe('Editor teaser');
      expect(newsletterRoundup.sections[2].id).toBeNull();
    });

    it('is for editors and above, and rejects backwards or overlong ranges', async () => {
      const author = (await loginAs(t, 'AUTHOR')).admin;
      const range = { from: from.toISOString(), to: to.toISOString() };
      expect((await author.post(ROUNDUP, range)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const editor = (await loginAs(t, 'EDITOR')).admin;
      const backwards = await editor.post(ROUNDUP, { from: range.to, to: range.from });
      expect(backwards.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'to' }] });
      const overlong = await editor.post(ROUNDUP, { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
      expect(overlong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
