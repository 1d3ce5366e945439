// npm run bench:startup: embedded mode, from `npm start` on an existing data directory to the first
// answered GraphQL query (the target: under 5 s). `npm start` includes its prestart step (the
// build, skipped when nothing changed). Writes bench/results/startup.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './lib/server-process.js';

const RUNS = 3;
const QUERY = '{ latestArticles(first: 1) { headline } }';

async function timeToFirstQuery(command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql?query=${encodeURIComponent(QUERY)}`);
        const body = (await response.json()) as { data?: { latestArticles?: unknown[] } };
        if (response.ok && body.data?.latestArticles?.length) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await sleep(20);
    }
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-startup-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  try {
    // The first start creates, migrates and seeds the data directory; it is not what is measured.
    const firstStart = await timeToFirstQuery('npm', ['start', '--silent'], env, port);
    console.log(`first start on an empty data directory: ${(firstStart / 1000).toFixed(2)} s (not the target)`);
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await timeToFirstQuery('npm', ['start', '--silent'], env, port));
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `npm start -> first answered query, existing data directory: ${runs.map((ms) => (ms / 1000).toFixed(2)).join(' s, ')} s`,
    );
    console.log(`median ${(median / 1000).toFixed(2)} s (target < 5 s)`);
    mkdirSync(join('bench', 'results'), { recursive: true });
    const report = {
      measuredAt: new Date().toISOString(),
      runsMs: runs.map(Math.round),
      medianMs: Math.round(median),
      targetMs: 5000,
    };
    writeFileSync(join('bench', 'results', 'startup.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
