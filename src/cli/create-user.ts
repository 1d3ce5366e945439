// `npm run user:create -- --email a@b.c --name "A B" --role editor [--password ...]`: creates an
// account through the same service (validation, hashing, audit) as the createUser mutation, in the
// database at DATABASE_URL or, without it, in the embedded one (whether or not the app is running).
// Without --password, a random one is generated and printed once.
import './short-lived.js';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { generatePassword } from '../users/password.js';
import { parseInput } from '../common/parse-input.js';
import { createUserSchema } from '../users/user.schema.js';
import { UsageError, openUsersContext, reportFailure } from './users-cli.context.js';

const USAGE =
  'Usage: npm run user:create -- --email <email> --name <name> --role <contributor|author|editor|admin> [--password <password>]';

function readArguments() {
  try {
    const { values } = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
      strict: true,
    });
    return values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const args = readArguments();
  const missing = (['email', 'name', 'role'] as const).filter((option) => args[option] === undefined);
  if (missing.length) throw new UsageError(`Missing ${missing.map((option) => `--${option}`).join(', ')}`);
  const password = args.password ?? generatePassword();
  const data = parseInput(createUserSchema, { email: args.email, name: args.name, role: args.role!.toUpperCase(), password });
  const app = await openUsersContext();
  try {
    const user = await app.users.create(SYSTEM_ACTOR, data, { via: 'cli' });
    console.log(`Created ${user.role.toLowerCase()} ${user.email} (id ${user.id})`);
    if (!args.password) console.log(`Password: ${password}\n(generated; shown only this once)`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => reportFailure('user:create', USAGE, error));
