// `npm run user:reset-password -- --email a@b.c [--password ...]`: sets a new password for an account
// (the way back in for an admin who lost theirs), ending all of its sessions, with an audit entry.
// Works on DATABASE_URL or the embedded database, whether or not the app is running. Without
// --password, a random one is generated and printed once.
import './short-lived.js';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { generatePassword } from '../users/password.js';
import { parseInput } from '../common/parse-input.js';
import { resetPasswordSchema } from '../users/user.schema.js';
import { UsageError, openUsersContext, reportFailure } from './users-cli.context.js';

const USAGE = 'Usage: npm run user:reset-password -- --email <email> [--password <password>]';

function readArguments() {
  try {
    return parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const args = readArguments();
  if (args.email === undefined) throw new UsageError('Missing --email');
  const password = args.password ?? generatePassword();
  const data = parseInput(resetPasswordSchema, { email: args.email, password });
  const app = await openUsersContext();
  try {
    const user = await app.users.resetPassword(SYSTEM_ACTOR, data, { via: 'cli' });
    console.log(`Reset the password of ${user.role.toLowerCase()} ${user.email}; its sessions were ended`);
    if (user.disabledAt) console.log('Note: this account is disabled; an admin must enable it before it can log in.');
    if (!args.password) console.log(`Password: ${password}\n(generated; shown only this once)`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => reportFailure('user:reset-password', USAGE, error));
