import { TransactionRunner } from '../../database/transaction-runner.js';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import { hashToken, newToken } from '../../auth/token-hash.js';
import type { Partner, PartnerUsage } from '../../generated/prisma/client.js';
import { PartnerErrors } from './partner.exception.js';
import { PartnerRepository } from './partner.repository.js';
import type { CreatePartnerData, UpdatePartnerData } from './partner.schema.js';

export const PARTNER_KEY_PREFIX = 'ndp';
// Enough to tell keys apart in a list ("ndp_Xa3k9Q"), far too little to guess the rest.
const SHOWN_PREFIX_LENGTH = 10;

export interface PartnerWithKey {
  /** The key itself: returned once, at creation or rotation, and never stored. */
  key: string;
  partner: Partner;
}

// Admin management of partners. Every change is audited in its own transaction.
@Injectable()
export class PartnerEditorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnerRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Partner[]> {
    return this.partners.listAll();
  }

  usageSince(partnerIds: readonly string[], since: Date): Promise<PartnerUsage[]> {
    return this.partners.usageSince(partnerIds, since);
  }

  create(actor: Actor, data: CreatePartnerData): Promise<PartnerWithKey> {
    const key = newToken(PARTNER_KEY_PREFIX);
    return this.transactions.run(async (tx) => {
      const partner = await this.partners.create(tx, {
        name: data.name,
        sectionIds: data.sectionIds ?? [],
        tagIds: data.tagIds ?? [],
        fullText: data.fullText ?? false,
        rateLimitPerMinute: data.rateLimitPerMinute ?? undefined,
        ...keyColumns(key),
      });
      await this.audit.record(tx, actor, {
        action: 'partner.created',
        entityType: 'Partner',
        entityId: partner.id,
        details: settings(partner),
      });
      return { key, partner };
    });
  }

  update(actor: Actor, data: UpdatePartnerData): Promise<Partner> {
    const { id, ...changes } = data;
    const sent = Object.fromEntries(Object.entries(changes).filter(([, value]) => value != null));
    return this.transactions.run(async (tx) => {
      if (!(await this.partners.findById(tx, id))) throw PartnerErrors.notFound(id);
      const partner = await this.partners.update(tx, id, sent);
      await this.audit.record(tx, actor, {
        action: 'partner.updated',
        entityType: 'Partner',
        entityId: id,
        details: { changed: Object.keys(sent), ...settings(partner) },
      });
      return partner;
    });
  }

  /** The old key stops working at once. */
  rotateKey(actor: Actor, id: string): Promise<PartnerWithKey> {
    const key = newToken(PARTNER_KEY_PREFIX);
    return this.transactions.run(async (tx) => {
      if (!(await this.partners.findById(tx, id))) throw PartnerErrors.notFound(id);
      const partner = await this.partners.update(tx, id, keyColumns(key));
      await this.audit.record(tx, actor, {
        action: 'partner.key_rotated',
        entityType: 'Partner',
        entityId: id,
        details: { name: partner.name, keyPrefix: partner.keyPrefix },
      });
      return { key, partner };
    });
  }
}

function keyColumns(key: string) {
  return { keyHash: hashToken(key), keyPrefix: key.slice(0, SHOWN_PREFIX_LENGTH) };
}

function settings(partner: Partner) {
  const { name, sectionIds, tagIds, fullText, rateLimitPerMinute, enabled } = partner;
  return { name, sectionIds, tagIds, fullText, rateLimitPerMinute, enabled };
}
