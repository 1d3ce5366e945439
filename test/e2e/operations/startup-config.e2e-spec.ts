import { spawnSync } from 'node:child_process';

// A wrong configuration must stop the real entry point with one message naming every bad variable.
describe('start-up with bad configuration', () => {
  it('exits with status 1 and lists each bad variable', () => {
    const result = spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
      env: { PATH: process.env.PATH, PORT: 'http', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x/y' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(result.stderr).toContain(`- ${name}:`);
  });
});
