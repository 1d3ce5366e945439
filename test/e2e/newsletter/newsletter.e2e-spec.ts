import { ContentFactory } from '../../factories/content.factory.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { SignJWT } from 'jose';
import { AppKeys } from '../../../src/config/app-secret.js';
import { SmtpTestServer } from '../../utils/smtp-test-server.js';
import { waitFor } from '../../utils/wait-for.js';
import { request } from 'node:http';

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

const SUBSCRIBE = 'mutation ($email: String!) { subscribeToNewsletter(input: { email: $email }) { ok message } }';
const API_ORIGIN = 'https://api.news.example.com';

describe('newsletter signup (double opt-in over a real SMTP server)', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    t = await createTestApp({ SMTP_URL: smtp.smtpUrl, PUBLIC_API_URL: API_ORIGIN, NEWSLETTER_SIGNUPS_PER_HOUR: '1000' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const subscribe = (email: string) => t.graphql.post(SUBSCRIBE, { email });
  const subscriber = (email: string) => t.prisma.newsletterSubscriber.findUnique({ where: { email } });
  // Links name the configured public origin; the test app listens elsewhere.
  const local = (url: string) => {
    expect(url.startsWith(`${API_ORIGIN}/newsletter/`)).toBe(true);
    return `${t.baseUrl}${url.slice(API_ORIGIN.length)}`;
  };
  const linkIn = (text: string, route: string) =>
    new RegExp(`${API_ORIGIN}/newsletter/${route}\\?token=[\\w.%-]+`).exec(text)?.[0];

  it('mails a confirmation link, confirms on click, and unsubscribes with one click', async () => {
    const response = await subscribe('  Reader.One@Example.COM ');
    expect(response.status).toBe(200);
    expect(response.body.data?.subscribeToNewsletter).toEqual({ ok: true, message: expect.any(String) });
    expect((await subscriber('reader.one@example.com'))?.status).toBe('PENDING');

    const mail = await smtp.waitForMail('reader.one@example.com');
    expect(mail.subject).toMatch(/confirm/i);
    expect(mail.from).toContain('newsletter@localhost');
    const confirmUrl = linkIn(mail.text!, 'confirm');
    const unsubscribeUrl = /^<(.+)>$/.exec(mail.headers['list-unsubscribe']!)?.[1];
    expect(confirmUrl).toBeDefined();
    expect(unsubscribeUrl).toBe(linkIn(mail.text!, 'unsubscribe'));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain('/newsletter/confirm?token=');
    await waitFor(async () => (await subscriber('reader.one@example.com'))?.confirmationSentAt, 5000, 'confirmationSentAt');

    const confirmed = await fetch(local(confirmUrl!));
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get('content-type')).toMatch(/^text\/html/);
    expect(confirmed.headers.get('cache-control')).toBe('no-store');
    expect(await confirmed.text()).toContain('Subscription confirmed');
    expect(await subscriber('reader.one@example.com')).toMatchObject({ status: 'CONFIRMED', confirmedAt: expect.any(Date) });

    // GET only asks (link scanners open links); it unsubscribes nobody.
    const form = await fetch(local(unsubscribeUrl!));
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form method="post"');
    expect((await subscriber('reader.one@example.com'))?.status).toBe('CONFIRMED');

    // What a mail client's "Unsubscribe" button sends (RFC 8058).
    const oneClick = await fetch(local(unsubscribeUrl!), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('Unsubscribed');
    expect(await subscriber('reader.one@example.com')).toMatchObject({
      status: 'UNSUBSCRIBED',
      unsubscribedAt: expect.any(Date),
    });
  });

  it('answers the same whether the address is new, pending, confirmed or unsubscribed', async () => {
    await t.prisma.newsletterSubscriber.createMany({
      data: [
        { email: 'pending@example.com', status: 'PENDING' },
        { email: 'confirmed@example.com', status: 'CONFIRMED', confirmedAt: new Date() },
        { email: 'gone@example.com', status: 'UNSUBSCRIBED', unsubscribedAt: new Date() },
      ],
    });
    const answers: { status: number; body: unknown }[] = [];
    for (const email of ['brand-new@example.com', 'pending@example.com', 'confirmed@example.com', 'gone@example.com']) {
      const response = await subscribe(email);
      answers.push({ status: response.status, body: response.body });
    }
    expect(answers[0]).toEqual({
      status: 200,
      body: { data: { subscribeToNewsletter: { ok: true, message: expect.any(String) } } },
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // An unsubscribed address stays so until its owner clicks the new confirmation link.
    await smtp.waitForMail('gone@example.com');
    expect((await subscriber('gone@example.com'))?.status).toBe('UNSUBSCRIBED');
  });

  it('is idempotent: one row per address, and a confirmed address gets no mail', async () => {
    for (const email of ['twice@example.com', 'TWICE@example.com', 'twice@EXAMPLE.com'])
      expect((await subscribe(email)).status).toBe(200);
    expect(await t.prisma.newsletterSubscriber.count({ where: { email: 'twice@example.com' } })).toBe(1);

    const member = await t.prisma.newsletterSubscriber.create({
      data: { email: 'member@example.com', status: 'CONFIRMED', confirmedAt: new Date() },
    });
    await subscribe('member@example.com');
    await subscribe('after-member@example.com');
    await smtp.waitForMail('after-member@example.com');
    expect(await smtp.mailsTo('member@example.com')).toEqual([]);
    expect(await t.prisma.job.count({ where: { payload: { equals: { subscriberId: member.id } } } })).toBe(0);
    expect(await subscriber('member@example.com')).toMatchObject({ status: 'CONFIRMED', confirmationSentAt: null });
  });

  it('rejects a malformed address with BAD_USER_INPUT and stores nothing', async () => {
    const before = await t.prisma.newsletterSubscriber.count();
    const response = await subscribe('not an address');
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'input.email', message: expect.any(String) }],
    });
    expect(await t.prisma.newsletterSubscriber.count()).toBe(before);
  });

  it('refuses tampered, expired, missing and wrong-purpose tokens with a 400 page, changing nothing', async () => {
    await subscribe('careful@example.com');
    const mail = await smtp.waitForMail('careful@example.com');
    const confirmUrl = local(linkIn(mail.text!, 'confirm')!);
    const unsubscribeUrl = local(linkIn(mail.text!, 'unsubscribe')!);
    const { id } = (await subscriber('careful@example.com'))!;
    const keys = t.app.get(AppKeys);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(id)
      .setAudience('newsdesk-newsletter-confirm')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(keys.newsletterLink);
    // The signature's first character changed: its last one carries two bits that base64url decoding
    // ignores, so changing the end could leave the signature as it was (and the test passing a valid link).
    const tampered = confirmUrl.replace(
      /\.([\w-])([\w-]*)$/,
      (_, first: string, rest: string) => `.${first === 'A' ? 'B' : 'A'}${rest}`,
    );
    const attempts = [
      fetch(tampered),
      fetch(`${t.baseUrl}/newsletter/confirm?token=${expired}`),
      fetch(`${t.baseUrl}/newsletter/confirm`),
      // An unsubscribe token cannot confirm.
      fetch(unsubscribeUrl.replace('/unsubscribe?', '/confirm?')),
      fetch(`${t.baseUrl}/newsletter/unsubscribe?token=forged`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('invalid or has expired');
    }
    expect((await subscriber('careful@example.com'))?.status).toBe('PENDING');
  });
});

// Loopback is all of 127.0.0.0/8 on Linux, so binding the client to 127.0.0.x gives each "visitor"
// its own IP without a proxy header the app rightly does not trust.
function subscribeFrom(
  t: TestApp,
  ip: string,
  email: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  const url = new URL(`${t.baseUrl}/graphql`);
  const payload = JSON.stringify({ query: SUBSCRIBE, variables: { email } });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: ip,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject).end(payload);
  });
}

describe('newsletter signup rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NEWSLETTER_SIGNUPS_PER_HOUR: '2' });
  });
  afterAll(() => t?.close());

  const code = (response: { body: any }) => response.body.errors?.[0]?.extensions?.code ?? 'OK';

  it('limits signups per IP, whatever the addresses', async () => {
    expect(code(await subscribeFrom(t, '127.0.0.11', 'ip-one@example.com'))).toBe('OK');
    expect(code(await subscribeFrom(t, '127.0.0.11', 'ip-two@example.com'))).toBe('OK');
    const refused = await subscribeFrom(t, '127.0.0.11', 'ip-three@example.com');
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await t.prisma.newsletterSubscriber.count({ where: { email: 'ip-three@example.com' } })).toBe(0);
    // Another visitor is not affected.
    expect(code(await subscribeFrom(t, '127.0.0.12', 'ip-three@example.com'))).toBe('OK');
  });

  it('limits signups per address, whatever the IPs, so nobody can mail-bomb it', async () => {
    expect(code(await subscribeFrom(t, '127.0.0.21', 'target@example.com'))).toBe('OK');
    expect(code(await subscribeFrom(t, '127.0.0.22', 'TARGET@example.com'))).toBe('OK');
    const jobsBefore = await t.prisma.job.count({ where: { name: 'newsletter.send-confirmation' } });
    expect(code(await subscribeFrom(t, '127.0.0.23', 'target@example.com'))).toBe('RATE_LIMITED');
    expect(await t.prisma.job.count({ where: { name: 'newsletter.send-confirmation' } })).toBe(jobsBefore);
    expect(await t.prisma.newsletterSubscriber.count({ where: { email: 'target@example.com' } })).toBe(1);
  });

  it('never lets a signup response be cached', async () => {
    const response = await subscribeFrom(t, '127.0.0.31', 'cache@example.com');
    expect(code(response)).toBe('OK');
    expect(String(response.headers['cache-control'] ?? '')).not.toMatch(/public|max-age=[1-9]/);
  });
});
