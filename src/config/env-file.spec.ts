import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvFile } from './env-file.js';

describe('loadEnvFile', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-env-')), '.env');

  it('sets what the file says, unless the real environment already has it', () => {
    writeFileSync(file, '# comment\nPORT=4000\nLOG_LEVEL=debug\nDATABASE_URL=\nMAIL_FROM="Desk <desk@example.com>"\n');
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', DATABASE_URL: '' };
    expect(loadEnvFile(file, env).sort()).toEqual(['MAIL_FROM', 'PORT']);
    expect(env).toEqual({ PORT: '4000', LOG_LEVEL: 'warn', DATABASE_URL: '', MAIL_FROM: 'Desk <desk@example.com>' });
  });

  it('does nothing without a file', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFile(join(tmpdir(), 'no-such-dir-newsdesk', '.env'), env)).toEqual([]);
    expect(env).toEqual({});
  });
});
