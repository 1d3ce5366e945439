import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, TEST_PASSWORD } from '../../utils/auth.js';
import { captureLogs } from '../../utils/log-capture.js';
import { LOGIN, REFRESH } from '../../utils/sessions.js';
import { SmtpTestServer } from '../../utils/smtp-test-server.js';
import { createPartner } from '../../utils/syndication.js';
import { waitFor } from '../../utils/wait-for.js';

// Logs are shipped to other systems and kept: each kind of credential a client may send is sent here,
// then the whole log output, at trace level, is searched for it.
describe('no secret in any log', () => {
  const logs = captureLogs('trace');
  let t: TestApp;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    t = await createTestApp({ SMTP_URL: smtp.smtpUrl, LOG_LEVEL: 'trace' }, undefined, { logger: logs.logger });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('redacts partner keys, preview and newsletter tokens, passwords, bearer tokens and cookies', async () => {
    const secrets: Record<string, string> = {};
    const admin = await loginAs(t, 'ADMIN');
    secrets.accessToken = admin.accessToken;

    const partner = await createPartner(admin, { name: 'Logged partner' });
    secrets.partnerKey = partner.key;
    expect((await fetch(`${t.baseUrl}/feeds/rss.xml?key=${partner.key}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/syndication/changes`, { headers: { 'x-partner-key': partner.key } })).status).toBe(200);

    const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'Embargoed draft' });
    const { createPreviewToken } = await admin.admin.data(
      'mutation($input: CreatePreviewTokenInput!) { createPreviewToken(input: $input) { token } }',
      { input: { id: draft.id, expiresInSeconds: 600 } },
    );
    secrets.previewToken = createPreviewToken.token;
    const literal = await t.graphql.get({
      query: `{ article(slug: "${draft.slug}", previewToken: "${secrets.previewToken}") { headline } }`,
    });
    expect(literal.body.data).toEqual({ article: { headline: 'Embargoed draft' } });
    const viaVariables = await t.graphql.get({
      query: 'query($s: String!, $p: String) { article(slug: $s, previewToken: $p) { headline } }',
      variables: { s: draft.slug, p: secrets.previewToken },
    });
    expect(viaVariables.body.data).toEqual({ article: { headline: 'Embargoed draft' } });

    await t.graphql.post('mutation { subscribeToNewsletter(input: { email: "logged@example.com" }) { ok } }');
    const mail = await smtp.waitForMail('logged@example.com');
    const confirm = /\/newsletter\/confirm\?token=([\w.%-]+)/.exec(mail.text!)!;
    const unsubscribe = /\/newsletter\/unsubscribe\?token=([\w.%-]+)/.exec(mail.text!)!;
    secrets.confirmToken = decodeURIComponent(confirm[1]!);
    secrets.unsubscribeToken = decodeURIComponent(unsubscribe[1]!);
    expect((await fetch(`${t.baseUrl}${confirm[0]}`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}${unsubscribe[0]}`)).status).toBe(200);

    const login = await t.admin.post(LOGIN, { input: { email: admin.user.email, password: TEST_PASSWORD } });
    secrets.password = TEST_PASSWORD;
    secrets.refreshToken = login.body.data!.login.refreshToken;
    await t.admin.post(REFRESH, { input: { refreshToken: secrets.refreshToken } });
    secrets.cookie = 'newsdesk_session=cookie-secret-0123456789';
    await fetch(`${t.baseUrl}/graphql?query=%7B__typename%7D`, { headers: { cookie: secrets.cookie } });

    // Request lines are written when responses finish; the last request's line proves all are in.
    await waitFor(async () => logs.text().includes('__typename'), 5000, 'the last request line');
    const output = logs.text();
    for (const [kind, secret] of Object.entries(secrets)) {
      expect({ kind, leaked: output.includes(secret) }).toEqual({ kind, leaked: false });
    }
    expect(output).not.toContain('cookie-secret');
    // The lines are there, with their secrets blanked out.
    const urls = logs.entries().map((entry) => (entry.req as { url?: string } | undefined)?.url ?? '');
    expect(urls).toContain('/feeds/rss.xml?key=[REDACTED]');
    expect(urls.some((url) => url.startsWith('/newsletter/confirm?token=[REDACTED]'))).toBe(true);
    expect(urls.some((url) => decodeURIComponent(url).includes('previewToken: "[REDACTED]"'))).toBe(true);
  });

  it("logs Nest's per-module and per-route boot lines at debug, not info", () => {
    const boot = logs.entries().filter((entry) => entry.context === 'InstanceLoader' || entry.context === 'RouterExplorer');
    expect(boot.length).toBeGreaterThan(10);
    expect(new Set(boot.map((entry) => entry.level))).toEqual(new Set([20]));
  });
});
