import { execFile, execFileSync } from 'node:child_process';

// `npm run user:create` / `user:reset-password` run these entry points built, and so do the tests:
// one build-if-stale (a hash check when fresh) instead of every run compiling the app's import graph
// from source. Call it in a beforeAll of the spec file that runs the tools.
export function buildUsersCli(): void {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

// Asynchronously: the test database (embedded, or a running app) lives in the test process and must
// keep answering while the tool runs. `env` says which database: DATABASE_URL, or DATA_DIR for the
// embedded one.
export function cli(script: 'create-user' | 'reset-password', args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`dist/cli/${script}.js`, ...args],
      { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The password a tool printed (generated, shown once). */
export const passwordIn = (stdout: string): string | undefined => /Password: (\S+)/.exec(stdout)?.[1];
