import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from './app-config.js';

// Keys derived from APP_SECRET, one per purpose, so a token of one kind can never pass as another.
export class AppKeys {
  readonly accessToken: Uint8Array;
  readonly previewToken: Uint8Array;
  readonly newsletterLink: Uint8Array;

  constructor(secret: string) {
    this.accessToken = derive(secret, 'access-token');
    this.previewToken = derive(secret, 'preview-token');
    this.newsletterLink = derive(secret, 'newsletter-link');
  }
}

function derive(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(createHmac('sha256', secret).update(`newsdesk:${purpose}`).digest());
}

// APP_SECRET when configured. Otherwise the embedded demo keeps a generated secret in DATA_DIR (so
// logins survive restarts), and any other setup gets a per-process one with a warning.
export function resolveAppKeys(config: AppConfig, logger: Logger): AppKeys {
  if (config.appSecret) return new AppKeys(config.appSecret);
  if (!config.database.url) return new AppKeys(persistedSecret(config.database.dataDir));
  logger.warn('APP_SECRET is not set: using a random key, so sessions and preview links end when the process stops');
  return new AppKeys(randomBytes(48).toString('base64url'));
}

function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
