import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { waitFor } from '../../utils/wait-for.js';
import { WebhookReceiver } from '../../utils/webhook-receiver.js';

// Without WEBHOOKS_ALLOW_PRIVATE_TARGETS, as in production.
describe('webhook targets at delivery time', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('checks the address again before each attempt and sends nothing to a private one', async () => {
    // Stands for a host that resolved to a public address when it was saved and to loopback now
    // (DNS rebinding): the row holds a loopback URL that the API itself would have refused.
    const endpoint = await t.prisma.webhookEndpoint.create({
      data: { url: receiver.url, secret: 'whsec_test', events: ['article.published'] },
    });
    const admin = await loginAs(t, 'ADMIN');
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
