// Runs an async task for many callers at once, never more than one run at a time, while promising each
// caller a run that STARTED after its call: a caller arriving mid-run waits for the next run (shared by
// everyone who arrives meanwhile). A replica fence needs exactly that: a WAL position read before the
// commit it must cover is useless, but a burst of purges can share one read. (p-memoize and friends
// share the run in flight, which is the wrong half; this is the whole of it.)
export class Coalesced<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly task: () => Promise<T>) {}

  next(): Promise<T> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const queued = this.running.then(ignore, ignore).then(() => {
      this.queued = undefined;
      return this.start();
    });
    this.queued = queued;
    return queued;
  }

  /** True while a run is going: a caller content with the run in flight need not queue another. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  private start(): Promise<T> {
    const run = this.task().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}

function ignore() {}
