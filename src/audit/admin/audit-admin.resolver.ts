import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { Requires } from '../../access/requires.decorator.js';
import { fromGlobalId } from '../../common/global-id.js';
import { parseInput } from '../../common/parse-input.js';
import { buildConnection } from '../../common/pagination/build-connection.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { AUDIT_PAGES, AuditRepository } from '../audit.repository.js';
import { AuditEntryConnection, AuditEntryModel } from './audit-entry.model.js';

@ArgsType()
class AuditEntriesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'e.g. Article, User, ApiToken' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'The global id of content, or the id of another record' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only what this user did' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. article.published' })
  action?: string | null;
}

const filterSchema = z.object({
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

@Resolver(() => AuditEntryModel)
export class AuditAdminResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (admins only)' })
  @Requires('ADMIN', 'read the audit log')
  async auditEntries(@Args() args: AuditEntriesArgs): Promise<Connection<AuditEntryModel>> {
    const { entityType, entityId, actorId, action } = parseInput(filterSchema, {
      entityType: args.entityType,
      entityId: args.entityId,
      actorId: args.actorId,
      action: args.action,
    });
    const filter = {
      ...(entityType ? { entityType } : {}),
      ...(entityId ? { entityId } : {}),
      ...(actorId ? { actorId } : {}),
      ...(action ? { action } : {}),
    };
    const page = toPageRequest(args);
    const rows = await this.audit.list(filter, page);
    return buildConnection(
      rows,
      page,
      (row) => AUDIT_PAGES.cursorOf(row),
      () => this.audit.count(filter),
      AuditEntryModel.fromRow,
    );
  }
}
