import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

// `.env` in the working directory (what .env.example invites), parsed by Node's own dotenv parser.
// The real environment wins: a variable already set, even to an empty string, is left alone, so a
// deployment's settings are never overridden by a file left on disk. Returns the names it set.
export function loadEnvFile(path = resolve('.env'), env: NodeJS.ProcessEnv = process.env): string[] {
  if (!existsSync(path)) return [];
  const loaded: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    loaded.push(name);
  }
  return loaded;
}
