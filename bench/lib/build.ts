import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** The app as it will run: dist/ from the current sources. */
export function buildApp(): void {
  run('npm', ['run', 'build', '--silent']);
}

/** A reference server (bench/limit, bench/baseline) as plain JS under dist/ (they import pure helpers from src/). */
export function buildReference(tsconfig: string): void {
  run(process.execPath, ['node_modules/@typescript/native/bin/tsc', '-p', tsconfig]);
}

/** Other processes whose command line mentions `needle`, e.g. a data generator still loading. */
export function processesMatching(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    if (Number(pid) === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (command.includes(needle)) found.push(`${pid} ${command}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
