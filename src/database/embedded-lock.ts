import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'embedded-postgres.json';

interface LockContent {
  pid: number;
  /** How other local processes reach the server (set once it listens). */
  url?: string;
  socketDir?: string;
}

/** The embedded database in this DATA_DIR is open in another process (a running Newsdesk or tool). */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    /** Set when that process serves the database on its socket, so a tool can connect through it. */
    readonly url: string | undefined,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (a running Newsdesk?): stop it first, ` +
        `or, if no such process runs, delete ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

// PGlite opens its data directory without any lock of its own, and two processes writing one
// directory corrupt it. This file says which process has it open and where it serves it; a lock
// whose process is gone (or whose socket vanished) is stale and taken over.
export class EmbeddedLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): EmbeddedLock {
    const file = join(dataDir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        writeFileSync(file, JSON.stringify({ pid: process.pid } satisfies LockContent), { flag: 'wx', mode: 0o600 });
        return new EmbeddedLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLock(file);
      if (holder && isLive(holder)) throw new EmbeddedDatabaseBusyError(dataDir, holder.pid, holder.url);
      rmSync(file, { force: true });
    }
    throw new Error(`Could not take the lock ${file}`);
  }

  /** Publishes the socket the server listens on, for `npm run user:*` while the app runs. */
  announce(url: string, socketDir: string): void {
    writeFileSync(this.file, JSON.stringify({ pid: process.pid, url, socketDir } satisfies LockContent), { mode: 0o600 });
  }

  release(): void {
    const holder = readLock(this.file);
    if (holder?.pid === process.pid) rmSync(this.file, { force: true });
  }
}

/** The live process holding this data directory open, if any (and where it serves the database). */
export function embeddedHolder(dataDir: string): { pid: number; url: string | undefined } | undefined {
  const holder = readLock(join(dataDir, LOCK_FILE));
  return holder && isLive(holder) ? { pid: holder.pid, url: holder.url } : undefined;
}

function readLock(file: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

function isLive(lock: LockContent): boolean {
  if (lock.socketDir && !existsSync(lock.socketDir)) return false;
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
