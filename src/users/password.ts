import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
// Bounds the work one request can ask of the hasher.
export const MAX_PASSWORD_LENGTH = 256;

// Algorithm is a const enum, which SWC cannot inline; 2 is Argon2id.
const ARGON2ID: Algorithm = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). verify() reads the parameters from each
// stored hash, so raising them later only affects new hashes.
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Checked when an email is unknown, so a wrong email takes as long as a wrong password and response
// times do not reveal which accounts exist. Made once, lazily, with the same parameters.
let dummyHash: Promise<string> | undefined;

/** Starts computing the dummy hash in the background, so the first unknown email is not the slow one. */
export function primeDummyHash(): void {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  dummyHash.catch(() => undefined);
}

/** True when `password` matches `storedHash`; with no stored hash, burns the same time and returns false. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  primeDummyHash();
  const target = storedHash ?? (await dummyHash!);
  try {
    return (await verify(target, password)) && storedHash !== null;
  } catch {
    // A malformed stored hash must not turn into a 500 or reveal itself: treat it as a mismatch.
    return false;
  }
}

/** A random password for generated accounts (demo admin, CLI): 24 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
