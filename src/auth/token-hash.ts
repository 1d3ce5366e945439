import { createHash, randomBytes } from 'node:crypto';

// Secrets handed out once (refresh tokens, API tokens, partner keys) are stored only as SHA-256
// hashes: they are long random strings, so a fast hash is enough and lookups stay exact.
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
