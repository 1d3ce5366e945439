import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve('.');
// The real entry point, from source. The TypeScript loader is registered by absolute URL, so the
// entry point also runs from another working directory (to read that directory's .env).
const LOADER = pathToFileURL(join(ROOT, 'node_modules/@swc-node/register/esm/esm.mjs')).href;
const MAIN = [
  '--import',
  `data:text/javascript,import{register}from'node:module';register('${LOADER}')`,
  join(ROOT, 'src/main.ts'),
];
const SWC_ENV = { SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') };

function runMain(env: Record<string, string>, cwd = ROOT) {
  return spawnSync(process.execPath, MAIN, {
    env: { PATH: process.env.PATH, ...SWC_ENV, ...env },
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// A wrong configuration must stop the real entry point with one message naming every bad variable.
describe('start-up with bad configuration', () => {
  it('exits with status 1 and lists each bad variable', () => {
    const result = runMain({ PORT: 'http', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x/y' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(result.stderr).toContain(`- ${name}:`);
  });

  it('reads .env from the working directory, and the real environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-dotenv-'));
    try {
      writeFileSync(join(dir, '.env'), 'PORT=http\nLOG_LEVEL=chatty\n');
      const result = runMain({ LOG_LEVEL: 'info' }, dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('- PORT:');
      expect(result.stderr).not.toContain('LOG_LEVEL');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up on a busy port', () => {
  let busy: Server;
  let port: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-busy-port-'));

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((done) => busy.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops with one clear line before writing anything: no database, no admin, no password', async () => {
    const child = spawn(process.execPath, MAIN, {
      env: { PATH: process.env.PATH, ...SWC_ENV, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on('exit', done));
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Port ${port} is already in use`))]);
    expect(stdout).not.toMatch(/password/i);
    // Not even the embedded database was created, let alone migrated, seeded or given an admin.
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});
