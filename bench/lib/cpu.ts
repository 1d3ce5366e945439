import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';

// CPU time spent per request, next to req/s: on a machine whose two cores are shared, req/s moves
// with everyone else's load, while the CPU a request costs moves far less. So two builds can be
// compared by CPU ms/request even when their req/s, measured seconds apart, are not comparable.

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User + system CPU of a process so far, in ms (proc(5): fields 14 and 15 of /proc/pid/stat); null if gone. */
export async function processCpuMs(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** A process and its descendants (a cluster primary and its workers), from /proc/PID/task/TID/children. */
export async function processTree(pid: number): Promise<number[]> {
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    const tasks = await readdir(`/proc/${tree[index]}/task`).catch(() => [] as string[]);
    for (const task of tasks) {
      const children = await readFile(`/proc/${tree[index]}/task/${task}/children`, 'utf8').catch(() => '');
      for (const child of children.trim().split(/\s+/)) if (child) tree.push(Number(child));
    }
  }
  return tree;
}

/** CPU so far of a process and its descendants; null if the process is gone. A worker that exited no longer counts. */
export async function processTreeCpuMs(pid: number): Promise<number | null> {
  const own = await processCpuMs(pid);
  if (own === null) return null;
  let total = own;
  for (const child of (await processTree(pid)).slice(1)) total += (await processCpuMs(child)) ?? 0;
  return total;
}

/** CPU so far of each PostgreSQL backend connected to the bench database (the servers' pools), by pid. */
export async function databaseCpuMs(db: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = await processCpuMs(pid);
    if (ms !== null) cpu.set(pid, ms);
  }
  return cpu;
}

/** CPU the backends spent between two readings; a backend that appeared in between counts from zero. */
export function databaseCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
