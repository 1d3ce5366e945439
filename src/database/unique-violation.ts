import { Prisma } from '../generated/prisma/client.js';

/**
 * Whether a write failed on a unique index: two writers racing past a service's own check meet there,
 * and the service turns the loser into its CONFLICT. Here so that services need not know Prisma's codes.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
