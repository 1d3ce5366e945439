import { ArticleDerivationService } from '../../src/articles/derivation/article-derivation.service.js';
import { seedDemoContent } from '../../src/seed/demo-seeder.js';
import type { TestApp } from './create-app.js';

/** Loads the demo content into a running test app, derived as the app derives it after seeding. */
export async function seedDemo(t: TestApp): Promise<void> {
  await seedDemoContent(t.prisma);
  await t.app.get(ArticleDerivationService).rederive({ kind: 'never-derived' });
}
