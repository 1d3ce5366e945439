import { z } from 'zod';
import { fromGlobalId } from '../common/global-id.js';

/** The audit log's filter arguments (audit-admin.resolver.ts). */
export const auditFilterSchema = z.object({
  entityType: z.string().max(50).nullish(),
  // Content by its global id (the one scheme of both APIs); records that have no global id by their own.
  entityId: z
    .string()
    .max(200)
    .transform((value) => fromGlobalId(value)?.id ?? value)
    .pipe(z.string().uuid())
    .nullish(),
  actorId: z.string().uuid().nullish(),
  action: z.string().max(100).nullish(),
});

export type AuditFilterArgs = z.output<typeof auditFilterSchema>;
