import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processTree } from './cpu.js';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOG_DIR = join(tmpdir(), 'newsdesk-bench');

export interface ServerProcess {
  readonly baseUrl: string;
  readonly pid: number;
  readonly logFile: string;
  /** Makes the peak RSS start again from the current RSS, so each scenario gets its own peak. */
  resetPeakRss(): Promise<void>;
  /** VmHWM: the most resident memory the process has had (since the last reset), in MB; in a cluster, its largest process's. */
  peakRssMb(): Promise<number | null>;
  /** The same summed over the process and its workers (equal to peakRssMb without workers). */
  peakRssTotalMb(): Promise<number | null>;
  /** Why the process is gone (exit code or signal), or null while it runs. */
  exitReason(): string | null;
  stop(): Promise<void>;
}

/** A port the kernel says is free now (closed again before the server binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function peakRssKb(pid: number): Promise<number | null> {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''));
  return match ? Number(match[1]) : null;
}

async function treePeaksKb(pid: number): Promise<number[]> {
  const peaks = await Promise.all((await processTree(pid)).map(peakRssKb));
  return peaks.filter((kb): kb is number => kb !== null);
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `node <args>` with exactly `env` (plus PATH/HOME), its output in a log file, and resolves
 * once GET <readyPath> answers 200.
 */
export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  port: number,
): Promise<ServerProcess> {
  await mkdir(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile);
  // Only what the run sets: a developer's shell (RESPONSE_CACHE, LOG_LEVEL...) must not change results.
  const baseEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
  const child = spawn(process.execPath, args, { env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} at start; see ${logFile}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (response) => response.arrayBuffer().then(() => response.ok),
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 60 s; see ${logFile}`);
    }
    await sleep(200);
  }

  return {
    baseUrl,
    pid: child.pid!,
    logFile,
    // "5" resets VmHWM to the current RSS (proc(5), /proc/pid/clear_refs; Linux 4.0+).
    // With workers (a cluster), every process of the tree.
    resetPeakRss: async () => {
      for (const pid of await processTree(child.pid!)) await writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => undefined);
    },
    peakRssMb: async () => {
      const peaks = await treePeaksKb(child.pid!);
      return peaks.length ? Math.round(Math.max(...peaks) / 1024) : null;
    },
    peakRssTotalMb: async () => {
      const peaks = await treePeaksKb(child.pid!);
      return peaks.length ? Math.round(peaks.reduce((sum, kb) => sum + kb, 0) / 1024) : null;
    },
    exitReason: () =>
      child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode !== null ? `signal ${child.signalCode}` : null,
    stop: async () => {
      child.kill('SIGTERM');
      const killed = await Promise.race([exited(child).then(() => true), sleep(10_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited(child);
      }
      log.end();
    },
  };
}
