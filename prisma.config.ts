import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI only (generate, validate, and migrate on machines with the native engine).
// Newsdesk itself migrates through src/database/migrator.ts, which needs no native engine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/newsdesk' },
});
