import { mutateArticle } from '../../utils/admin-articles.js';
import { loginAs } from '../../utils/auth.js';
import { createTestApp } from '../../utils/create-app.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';
import { verifySignature, WebhookReceiver } from '../../utils/webhook-receiver.js';

// Deliveries live in PostgreSQL (a row and a job), so one written while no process runs jobs is sent
// by whichever process runs them next. Apps run one after the other, so this works on embedded PGlite.
describe('webhook delivery across a restart', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await database.drop();
  });

  it('sends a delivery that was written before the restart', async () => {
    const env = { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' };
    // The first process serves the admin API but runs no jobs, as an API-only instance with its worker down.
    const first = await createTestApp({ ...env, JOBS_ENABLED: 'false' }, database);
    let secret: string;
    let deliveryId: string;
    try {
      const admin = await loginAs(first, 'ADMIN');
      const created = await admin.admin.data(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
        { input: { url: receiver.url, events: ['article.published'] } },
      );
      secret = created.createWebhookEndpoint.secret;
      const draft = await mutateArticle(admin.admin, 'createArticle', { headline: 'Overnight results' });
      await mutateArticle(admin.admin, 'publishArticle', { id: draft.id });
      const delivery = await first.prisma.webhookDelivery.findFirstOrThrow();
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 0 });
      deliveryId = delivery.id;
      // A pending delivery still has its job: redelivering it would race that job.
      const redeliver = await admin.admin.post(
        `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { id } } }`,
        { input: { deliveryId } },
      );
      expect(redeliver.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await first.prisma.job.count({ where: { name: 'webhook.deliver' } })).toBe(1);
    } finally {
      await first.close();
    }
    expect(receiver.received).toEqual([]);

    const second = await createTestApp(env, database);
    try {
      const [request] = await waitFor(async () => receiver.received.length > 0 && receiver.received, 8000, 'the delivery');
      expect(request!.headers['newsdesk-delivery']).toBe(deliveryId);
      expect(request!.body).toMatchObject({
        id: deliveryId,
        event: 'article.published',
        data: { article: { headline: 'Overnight results' } },
      });
      expect(verifySignature(secret, request!.headers['newsdesk-signature'] as string, request!.rawBody).valid).toBe(true);
      await waitFor(
        async () => (await second.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status === 'SUCCEEDED',
        3000,
        'the delivery to settle',
      );
    } finally {
      await second.close();
    }
  });
});
