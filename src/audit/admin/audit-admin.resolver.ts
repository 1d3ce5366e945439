import { ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../../access/requires.decorator.js';
import { ValidArgs } from '../../graphql-types/valid-input.decorator.js';
import { ConnectionArgs, toPageRequest } from '../../graphql-types/pagination/connection.args.js';
import type { Connection } from '../../common/pagination/connection.js';
import { AuditService } from '../audit.service.js';
import { auditFilterSchema, type AuditFilterArgs } from '../audit.schema.js';
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

@Resolver(() => AuditEntryModel)
export class AuditAdminResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (admins only)' })
  @Requires('ADMIN', 'read the audit log')
  async auditEntries(
    @ValidArgs(AuditEntriesArgs, auditFilterSchema) args: ConnectionArgs & AuditFilterArgs,
  ): Promise<Connection<AuditEntryModel>> {
    const { entityType, entityId, actorId, action } = args;
    const filter = {
      ...(entityType ? { entityType } : {}),
      ...(entityId ? { entityId } : {}),
      ...(actorId ? { actorId } : {}),
      ...(action ? { action } : {}),
    };
    return this.audit.list(filter, toPageRequest(args), AuditEntryModel.fromRow);
  }
}
