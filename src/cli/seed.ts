// `node dist/cli/seed.js`: loads the demo content into the database at DATABASE_URL. Safe to re-run;
// it updates the demo rows in place. Apply migrations first, the seed does not create tables.
import './short-lived.js';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { seedDemoContent } from '../seed/demo-seeder.js';
import { loadEnvFile } from '../config/env-file.js';
import { safeHost } from '../database/safe-host.js';

function requireDatabaseUrl(): string {
  // DATABASE_URL may come from .env, as for `npm start`.
  loadEnvFile();
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set; point it at the PostgreSQL database to seed, e.g. postgresql://user@host:5432/newsdesk',
    );
  }
  return url;
}

async function main(): Promise<void> {
  const url = requireDatabaseUrl();
  const prisma = new PrismaClient({ adapter: new PrismaPg(url) });
  try {
    // Derived fields follow at the app's next start, before it serves (ArticleDerivationService).
    const { articles } = await seedDemoContent(prisma);
    console.log(`Seeded ${articles} demo articles into ${safeHost(url)}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
