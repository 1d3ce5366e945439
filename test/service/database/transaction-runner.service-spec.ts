import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { createServiceContext, type ServiceContext } from '../../utils/create-service-context.js';

// The one way services open a transaction: it commits or rolls back as a whole, and its after-commit
// hooks run once it has committed (never after a rollback), before run() resolves.
describe('TransactionRunner', () => {
  let ctx: ServiceContext;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    ctx = await createServiceContext();
    transactions = ctx.get(TransactionRunner);
  });
  afterAll(() => ctx.close());

  const tagCount = (slug: string) => ctx.prisma.tag.count({ where: { slug } });

  it('commits the work and runs the after-commit hooks once it is visible outside', async () => {
    const seen: number[] = [];
    const result = await transactions.run(async (tx) => {
      await tx.tag.create({ data: { name: 'Committed', slug: 'committed' } });
      transactions.afterCommit(tx, async () => void seen.push(await tagCount('committed')));
      return 'done';
    });
    expect(result).toBe('done');
    expect(seen).toEqual([1]);
  });

  it('rolls back everything when the work throws, and runs no hook', async () => {
    let hooked = false;
    await expect(
      transactions.run(async (tx) => {
        await tx.tag.create({ data: { name: 'Rolled back', slug: 'rolled-back' } });
        transactions.afterCommit(tx, async () => void (hooked = true));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await tagCount('rolled-back')).toBe(0);
    expect(hooked).toBe(false);
  });
});
