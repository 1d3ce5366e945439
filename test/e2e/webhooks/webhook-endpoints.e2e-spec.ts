import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { waitFor } from '../../utils/wait-for.js';
import { WebhookReceiver } from '../../utils/webhook-receiver.js';

const ENDPOINT_FIELDS = 'id url events description enabled createdAt';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } }
}`;
const UPDATE = `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { ${ENDPOINT_FIELDS} } } }`;
const DELETE = `mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { id } }`;
const LIST = `{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`;

const errorOf = (response: { body: { errors?: { extensions?: Record<string, any> }[] } }) =>
  response.body.errors?.[0]?.extensions;

// Without WEBHOOKS_ALLOW_PRIVATE_TARGETS, as in production: only public https targets.
describe('admin API: webhook endpoints', () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  // First in the file: it is the one case that publishes, so the endpoints below get no deliveries.
  describe('webhook targets at delivery time', () => {
    let receiver: WebhookReceiver;

    beforeAll(async () => {
      receiver = await WebhookReceiver.start();
    });
    afterAll(() => receiver.close());

    it('checks the address again before each attempt and sends nothing to a private one', async () => {
      // Stands for a host that resolved to a public address when it was saved and to loopback now
      // (DNS rebinding): the row holds a loopback URL that the API itself would have refused.
      const endpoint = await t.prisma.webhookEndpoint.create({
        data: { url: receiver.url, secret: 'whsec_test', events: ['article.published'] },
      });
      const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'Rebinding attempt' });
      await mutateArticle(admin.admin, 'publishArticle', { id: draft.id });

      const delivery = await waitFor(
        async () => {
          const row = await t.prisma.webhookDelivery.findFirst({ where: { endpointId: endpoint.id } });
          return row && row.attempts > 0 && row;
        },
        8000,
        'the first attempt',
      );
      expect(delivery).toMatchObject({
        status: 'PENDING',
        lastStatusCode: null,
        lastError: expect.stringContaining('Refused target'),
      });
      expect(receiver.received).toEqual([]);
    });
  });

  it('creates an endpoint and shows its secret only once', async () => {
    const input = {
      url: 'https://93.184.216.34/hooks',
      events: ['article.published', 'article.deleted'],
      description: 'Search index',
    };
    const { createWebhookEndpoint: created } = await admin.admin.data(CREATE, { input });
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(created.endpoint).toMatchObject({ ...input, enabled: true });

    const { webhookEndpoints } = await admin.admin.data(LIST);
    expect(webhookEndpoints).toContainEqual(created.endpoint);
    // The schema has no way to read a secret back: only the creation payload carries it.
    const leak = await admin.admin.post(`{ webhookEndpoints { secret } }`);
    expect(leak.body.errors?.[0]?.message).toMatch(/Cannot query field "secret"/);
    const row = await t.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpoint.id } });
    expect(row.secret).toBe(created.secret);
    const audit = await t.prisma.auditEntry.findMany({ where: { entityId: created.endpoint.id } });
    expect(audit).toMatchObject([{ action: 'webhook_endpoint.created', actorId: admin.user.id }]);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it('updates, disables and deletes an endpoint', async () => {
    const { createWebhookEndpoint: created } = await admin.admin.data(CREATE, {
      input: { url: 'https://93.184.216.34/a', events: ['article.published'] },
    });
    const id = created.endpoint.id;
    const { updateWebhookEndpoint: updated } = await admin.admin.data(UPDATE, {
      input: {
        id,
        url: 'https://93.184.216.34/b',
        events: ['article.updated', 'article.unpublished'],
        enabled: false,
        description: 'CDN',
      },
    });
    expect(updated.endpoint).toMatchObject({
      id,
      url: 'https://93.184.216.34/b',
      events: ['article.updated', 'article.unpublished'],
      enabled: false,
      description: 'CDN',
    });
    // Omitted fields stay as they are.
    const { updateWebhookEndpoint: again } = await admin.admin.data(UPDATE, { input: { id, enabled: true } });
    expect(again.endpoint).toMatchObject({ url: 'https://93.184.216.34/b', enabled: true, description: 'CDN' });

    expect(await admin.admin.data(DELETE, { input: { id } })).toEqual({ deleteWebhookEndpoint: { id } });
    expect(await t.prisma.webhookEndpoint.findUnique({ where: { id } })).toBeNull();
    expect(errorOf(await admin.admin.post(DELETE, { input: { id } }))?.code).toBe('NOT_FOUND');
  });

  it('is for admins only, reads included', async () => {
    const editor = await loginAs(t, 'EDITOR');
    const before = await t.prisma.webhookEndpoint.count();
    const create = await editor.admin.post(CREATE, { input: { url: 'https://93.184.216.34/x', events: ['article.published'] } });
    expect(errorOf(create)?.code).toBe('FORBIDDEN');
    expect(errorOf(await editor.admin.post(LIST))?.code).toBe('FORBIDDEN');
    const deliveries = await editor.admin.post(`query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`, {
      id: '0193a0a0-0000-7000-8000-000000000000',
    });
    expect(errorOf(deliveries)?.code).toBe('FORBIDDEN');
    expect(errorOf(await t.admin.post(LIST))?.code).toBe('UNAUTHENTICATED');
    expect(await t.prisma.webhookEndpoint.count()).toBe(before);
  });

  it('answers deliveries of a malformed or unknown endpoint id with BAD_USER_INPUT and NOT_FOUND', async () => {
    const query = `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`;
    expect(errorOf(await admin.admin.post(query, { id: 'nope' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'endpointId' }],
    });
    expect(errorOf(await admin.admin.post(query, { id: '0193a0a0-0000-7000-8000-000000000000' }))?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['http://127.0.0.1:8080/hook', 'must use https'],
    ['http://169.254.169.254/latest/meta-data', 'must use https'],
    ['https://169.254.169.254/latest/meta-data', 'private, loopback'],
    ['https://10.0.0.1/hook', 'private, loopback'],
    ['https://192.168.1.20/hook', 'private, loopback'],
    ['https://[::1]/hook', 'private, loopback'],
    ['https://[fe80::1]/hook', 'private, loopback'],
    ['https://localhost/hook', 'private, loopback'],
    ['https://0.0.0.0/hook', 'private, loopback'],
    // IPv6 forms of IPv4 addresses, judged by those, and ranges that are not global unicast.
    ...[
      'https://[::127.0.0.1]/hook',
      'https://[::a9fe:a9fe]/hook',
      'https://[64:ff9b::a9fe:a9fe]/hook',
      'https://[2002:a9fe:a9fe::]/hook',
      'https://[ff02::1]/hook',
      'https://224.0.0.1/hook',
      'https://255.255.255.255/hook',
      'https://240.0.0.1/hook',
      'https://198.18.0.1/hook',
      'https://192.0.0.1/hook',
    ].map((url) => [url, 'not private, loopback'] as [string, string]),
    ['ftp://93.184.216.34/hook', 'absolute http(s) URL'],
  ])('refuses %s without changing anything', async (url, reason) => {
    const before = await t.prisma.webhookEndpoint.count();
    const response = await admin.admin.post(CREATE, { input: { url, events: ['article.published'] } });
    expect(errorOf(response)).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'input.url', message: expect.stringContaining(reason) }],
    });
    expect(await t.prisma.webhookEndpoint.count()).toBe(before);
  });

  it('refuses a private URL on update too, and unknown events', async () => {
    const { createWebhookEndpoint: created } = await admin.admin.data(CREATE, {
      input: { url: 'https://93.184.216.34/c', events: ['article.published'] },
    });
    const id = created.endpoint.id;
    expect(errorOf(await admin.admin.post(UPDATE, { input: { id, url: 'https://127.0.0.1/c' } }))?.code).toBe('BAD_USER_INPUT');
    const badEvents = await admin.admin.post(CREATE, { input: { url: 'https://93.184.216.34/d', events: ['article.created'] } });
    expect(errorOf(badEvents)).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.events.0' }] });
    const noEvents = await admin.admin.post(UPDATE, { input: { id, events: [] } });
    expect(errorOf(noEvents)).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.events' }] });
    const row = await t.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ url: 'https://93.184.216.34/c', events: ['article.published'] });
  });
});
