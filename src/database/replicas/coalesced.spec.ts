import { Coalesced } from './coalesced.js';

function deferredTask() {
  const runs: { resolve: (value: number) => void }[] = [];
  const task = () => new Promise<number>((resolve) => runs.push({ resolve }));
  return { runs, task };
}

describe('Coalesced', () => {
  it('gives a caller arriving mid-run the next run, shared by everyone who arrives meanwhile', async () => {
    const { runs, task } = deferredTask();
    const coalesced = new Coalesced(task);
    const first = coalesced.next();
    const second = coalesced.next();
    const third = coalesced.next();
    expect(runs).toHaveLength(1);
    runs[0]!.resolve(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(2);
    expect([await second, await third]).toEqual([2, 2]);
    expect(coalesced.busy).toBe(false);
  });

  it('starts the queued run after a failed one, and reports the failure to its own callers only', async () => {
    let calls = 0;
    const coalesced = new Coalesced(() => (++calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve(calls)));
    const failed = coalesced.next();
    const queued = coalesced.next();
    await expect(failed).rejects.toThrow('down');
    expect(await queued).toBe(2);
  });
});
