import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

// A PostgreSQL primary and a streaming replica of it, made for one spec from the machine's
// PostgreSQL 15 binaries: initdb, pg_basebackup --write-recovery-conf, two postmasters on spare
// ports in a temp dir. initdb refuses to run as root, so as root everything runs as `postgres`.
const BIN = process.env.TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const RUN_AS = process.getuid?.() === 0 ? 'postgres' : undefined;

export interface StreamingReplica {
  readonly primaryUrl: string;
  readonly replicaUrl: string;
  /** Stops applying WAL on the replica (it keeps receiving it): the replica shows the past. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Until the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<boolean>;
  stopReplica(): void;
  /** Starts it again unless it is running. */
  startReplica(): void;
  stop(): Promise<void>;
}

/** Why the binaries cannot make clusters here, or undefined when they can. */
export function replicaUnavailableReason(): string | undefined {
  for (const tool of ['initdb', 'pg_ctl', 'pg_basebackup']) {
    if (!existsSync(join(BIN, tool))) return `${join(BIN, tool)} is missing`;
  }
  try {
    run('initdb', ['--version']);
    return undefined;
  } catch (error) {
    return `${join(BIN, 'initdb')} cannot run${RUN_AS ? ` as ${RUN_AS}` : ''}: ${(error as Error).message}`;
  }
}

export async function startStreamingReplica(): Promise<StreamingReplica> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-replica-'));
  if (RUN_AS) await chown(root, Number(run('id', ['-u', RUN_AS], '/usr/bin')), Number(run('id', ['-g', RUN_AS], '/usr/bin')));
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = join(root, 'primary');
  const replica = join(root, 'replica');
  const settings = (port: number) => [
    '-o',
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
  ];
  const pgCtl = (dir: string, action: string, port: number) =>
    run('pg_ctl', [
      '-D',
      dir,
      '-l',
      `${dir}.log`,
      '-w',
      '-t',
      '60',
      ...(action === 'start' ? settings(port) : ['-m', 'fast']),
      action,
    ]);

  run('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  pgCtl(primary, 'start', primaryPort);
  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`;
  run(
    'pg_basebackup',
    ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-X', 'stream'].concat([
      '--write-recovery-conf',
      '--checkpoint=fast',
      '--no-sync',
    ]),
  );
  pgCtl(replica, 'start', replicaPort);
  const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`;

  const onReplica = (sql: string) => query(replicaUrl, sql);
  const cluster: StreamingReplica = {
    primaryUrl,
    replicaUrl,
    pauseReplay: async () => void (await onReplica('SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await onReplica('SELECT pg_wal_replay_resume()')),
    async caughtUp() {
      const [{ lsn }] = await query(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
      const [{ replayed }] = await onReplica(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS replayed`);
      return replayed === true;
    },
    stopReplica: () => pgCtl(replica, 'stop', replicaPort),
    startReplica() {
      if (!running(replica)) pgCtl(replica, 'start', replicaPort);
    },
    async stop() {
      for (const dir of [replica, primary]) {
        try {
          run('pg_ctl', ['-D', dir, '-w', '-m', 'immediate', 'stop']);
        } catch {
          // Already stopped.
        }
      }
      await rm(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

function running(dir: string): boolean {
  try {
    run('pg_ctl', ['-D', dir, 'status']);
    return true;
  } catch {
    return false;
  }
}

function run(tool: string, args: string[], bin = BIN): string {
  const command = join(bin, tool);
  const [file, argv] = RUN_AS ? ['runuser', ['-u', RUN_AS, '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() }).trim();
}

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
