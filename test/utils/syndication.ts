import type { LoggedIn } from './auth.js';
import { waitFor } from './wait-for.js';
import type { TestApp } from './create-app.js';

export interface ChangePage {
  changes: { cursor: string; action: string; entityType: string; id: string; occurredAt: string; article: any }[];
  nextCursor: string | null;
  hasMore: boolean;
}

/** Creates a partner through the admin API and returns its key. */
export async function createPartner(admin: LoggedIn, input: Record<string, unknown>): Promise<{ key: string; id: string }> {
  const { createPartner: created } = await admin.admin.data(
    `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { key partner { id } } }`,
    { input: { rateLimitPerMinute: 10_000, ...input } },
  );
  return { key: created.key, id: created.partner.id };
}

/** One page of GET /syndication/changes, which must succeed. */
export async function changesPage(t: TestApp, key: string, after?: string | null, limit?: number): Promise<ChangePage> {
  const query = new URLSearchParams();
  if (after) query.set('after', after);
  if (limit) query.set('limit', String(limit));
  const response = await fetch(`${t.baseUrl}/syndication/changes?${query.toString()}`, { headers: { 'x-partner-key': key } });
  if (response.status !== 200) throw new Error(`changes: ${response.status} ${await response.text()}`);
  return (await response.json()) as ChangePage;
}

/** Every change after `since`, paging with `limit`; returns them and the cursor to read on from. */
export async function readChanges(t: TestApp, key: string, since?: string | null, limit = 500) {
  const changes: ChangePage['changes'] = [];
  let cursor = since ?? null;
  for (;;) {
    const page = await changesPage(t, key, cursor, limit);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/**
 * Waits until the change feed holds nothing back. The feed shows a row only once its transaction is
 * older than every running one (cluster-wide), so while other test databases on the same server are
 * mid-transaction, rows this test already committed can still be hidden: reading "the end of the
 * feed" before they appear would put them after the cursor.
 */
export async function feedSettled(t: TestApp): Promise<void> {
  await waitFor(
    async () => {
      const [row] = await t.prisma.$queryRaw<{ held: bigint }[]>`
        SELECT count(*) AS held FROM change_events WHERE txid >= pg_snapshot_xmin(pg_current_snapshot())`;
      return row!.held === 0n;
    },
    15_000,
    'the change feed to release every committed change',
  );
}
