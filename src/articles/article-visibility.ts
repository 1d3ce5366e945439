import { Prisma, type Article } from '../generated/prisma/client.js';

// The one definition of what the public may see of articles: published, not in the trash, with a
// publication time. Its SQL form (for hand-written queries), its Prisma form and its test on a loaded
// row are all generated from this table, so they cannot drift apart.
const PUBLISHED_RULE = [
  { field: 'status', column: 'status', is: 'PUBLISHED' },
  { field: 'deletedAt', column: 'deleted_at', is: null },
  { field: 'publishedAt', column: 'published_at', is: 'present' },
] as const satisfies readonly { field: keyof Article; column: string; is: string | null }[];

/** Prisma `where` for public articles. */
export const publishedWhere = Object.fromEntries(
  PUBLISHED_RULE.map(({ field, is }) => [field, is === 'present' ? { not: null } : is]),
) as { status: 'PUBLISHED'; deletedAt: null; publishedAt: { not: null } } satisfies Prisma.ArticleWhereInput;

/** SQL condition for public articles under table alias `alias`. */
export function publishedSql(alias = 'a'): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const conditions = PUBLISHED_RULE.map(({ column, is }) => {
    if (is === null) return `${alias}.${column} IS NULL`;
    if (is === 'present') return `${alias}.${column} IS NOT NULL`;
    return `${alias}.${column} = '${is}'`;
  });
  return Prisma.raw(conditions.join(' AND '));
}

/** Whether a loaded row is public by the same rule. */
export function isPublished(row: Pick<Article, 'status' | 'deletedAt' | 'publishedAt'>): boolean {
  return PUBLISHED_RULE.every(({ field, is }) => {
    const value = row[field];
    if (is === 'present') return value !== null && value !== undefined;
    return value === is;
  });
}
