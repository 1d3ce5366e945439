// Runs `prisma generate` without Prisma's native schema engine, which cannot be downloaded on offline
// machines. generate only checks that an engine file exists; it never runs it, so any existing file
// (here the node binary) satisfies the check. Client generation itself is WebAssembly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// A production install (--omit=dev) has no Prisma CLI; it runs from an already built dist/.
if (!existsSync('node_modules/prisma/build/index.js')) {
  console.log('prisma-generate: Prisma CLI not installed (production install); skipping client generation');
  process.exit(0);
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
