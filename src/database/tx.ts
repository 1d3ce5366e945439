import type { Prisma } from '../generated/prisma/client.js';

/**
 * The one way a transaction travels: writes take it first, reads take an optional `db: Tx` last
 * (defaulting to the plain client), so a caller inside a transaction reads its own writes.
 */
export type Tx = Prisma.TransactionClient;
