import { isUniqueViolation } from '../database/unique-violation.js';
import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '../access/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { ContentAction } from '../events/content-change.js';
import { DomainEvents } from '../events/domain-events.service.js';
import { slugify, uniqueSlug } from '../common/slug.js';
import { buildConnection } from '../common/pagination/build-connection.js';
import type { PageRequest } from '../common/pagination/page-request.js';
import type { Connection } from '../common/pagination/connection.js';
import { BY_NAME } from '../common/pagination/keyset.js';
import type { TaxonomyData, TaxonomyFilter, TaxonomyRepository, TaxonomyRow } from './taxonomy.repository.js';
import { TaxonomyErrors } from './taxonomy.exception.js';
import type { Tx } from '../database/tx.js';
import type { TransactionRunner } from '../database/transaction-runner.js';

export type TaxonomyType = 'Author' | 'Tag' | 'Section' | 'Series';
type Noun = 'author' | 'tag' | 'section' | 'series';

export interface TaxonomyCreate extends TaxonomyData {
  name: string;
  slug?: string | null;
}

export interface TaxonomyUpdate extends TaxonomyData {
  id: string;
  name?: string;
  slug?: string;
}

export interface TaxonomyEditorSpec<Row, Model> {
  type: TaxonomyType;
  toModel(row: Row): Model;
}

// Editing authors, tags, sections and series: one implementation of the rules they share (slugs,
// trash, purge, audit), parameterised per model by its repository and spec.
export abstract class TaxonomyEditor<Row extends TaxonomyRow, Model extends { name: string; rowId: string }> {
  private readonly noun: Noun;

  protected constructor(
    private readonly repository: TaxonomyRepository<Row>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly spec: TaxonomyEditorSpec<Row, Model>,
  ) {
    this.noun = spec.type.toLowerCase() as Noun;
  }

  /** Checks rows a write refers to (an author's avatar); throws BAD_USER_INPUT naming the field. */
  protected async checkReferences(_tx: Tx, _data: TaxonomyData): Promise<void> {}

  async find(id: string): Promise<Model | null> {
    const row = await this.repository.findById(id);
    return row ? this.spec.toModel(row) : null;
  }

  async list(filter: TaxonomyFilter, page: PageRequest): Promise<Connection<Model>> {
    const rows = await this.repository.list(filter, page);
    return buildConnection(
      rows,
      page,
      (row) => BY_NAME.cursorOf(row),
      () => this.repository.count(filter),
      (row) => this.spec.toModel(row),
    );
  }

  async create(actor: Actor, input: TaxonomyCreate): Promise<Model> {
    return this.write(async (tx) => {
      const { slug: wanted, ...data } = input;
      if (wanted && (await this.repository.isSlugTaken(tx, wanted, null))) throw TaxonomyErrors.slugTaken(this.noun, wanted);
      const slug = wanted || (await uniqueSlug(slugify(input.name), (s) => this.repository.isSlugTaken(tx, s, null)));
      await this.checkReferences(tx, data);
      const row = await this.repository.create(tx, { ...data, slug });
      await this.record(tx, actor, 'created', row);
      return row;
    });
  }

  /** Renaming keeps the slug, so links stay valid; a new slug must be asked for. */
  async update(actor: Actor, input: TaxonomyUpdate): Promise<Model> {
    return this.write(async (tx) => {
      const { id, ...data } = input;
      const current = await this.findLive(tx, id);
      const changes = changedFields(current, data);
      if (Object.keys(changes).length === 0) return current;
      if (data.slug && changes.slug && (await this.repository.isSlugTaken(tx, data.slug, id)))
        throw TaxonomyErrors.slugTaken(this.noun, data.slug);
      await this.checkReferences(tx, data);
      const row = await this.repository.update(tx, id, definedOnly(data));
      await this.record(tx, actor, 'updated', row, { changes });
      return row;
    });
  }

  async trash(actor: Actor, id: string): Promise<Model> {
    return this.write(async (tx) => {
      await this.findLive(tx, id);
      const row = await this.repository.update(tx, id, { deletedAt: new Date() });
      await this.record(tx, actor, 'trashed', row);
      return row;
    });
  }

  async restore(actor: Actor, id: string): Promise<Model> {
    return this.write(async (tx) => {
      const current = await this.findExisting(tx, id);
      if (!current.deletedAt) throw TaxonomyErrors.notInTrash(this.noun);
      const row = await this.repository.update(tx, id, { deletedAt: null });
      await this.record(tx, actor, 'restored', row);
      return row;
    });
  }

  /** Deletes the row for good; article links go with it (see the schema's onDelete rules). */
  async purge(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const current = await this.findExisting(tx, id);
      const articleLinks = await this.repository.countArticleLinks(tx, id);
      await this.repository.delete(tx, id);
      await this.record(tx, actor, 'purged', current, { articleLinks }, current.deletedAt ? null : 'deleted');
    });
  }

  private async write(work: (tx: Tx) => Promise<Row>): Promise<Model> {
    try {
      return this.spec.toModel(await this.transactions.run(work));
    } catch (error) {
      // Two editors claiming one slug at once: the unique index decides, and the loser is told so.
      if (isUniqueViolation(error)) {
        throw TaxonomyErrors.slugClaimedConcurrently(this.noun);
      }
      throw error;
    }
  }

  private async findExisting(tx: Tx, id: string): Promise<Row> {
    const row = await this.repository.findById(id, tx);
    if (!row) throw TaxonomyErrors.notFound(this.noun);
    return row;
  }

  /** Trashed rows are read-only until restored, as trashed articles are. */
  private async findLive(tx: Tx, id: string): Promise<Row> {
    const row = await this.findExisting(tx, id);
    if (row.deletedAt) throw TaxonomyErrors.inTrash(this.noun);
    return row;
  }

  // Every write is audited and recorded as a public change (what it means for caches, partners and
  // webhooks is the subscribers' business), with the old and new slug so lists by either are found.
  private async record(
    tx: Tx,
    actor: Actor,
    verb: keyof typeof PUBLIC_ACTION,
    row: Row,
    details: Record<string, unknown> = {},
    action: ContentAction | null = PUBLIC_ACTION[verb],
  ): Promise<void> {
    const changes = details.changes as Record<string, { from: unknown }> | undefined;
    const oldSlug = changes?.slug?.from;
    const slugs = typeof oldSlug === 'string' ? [row.slug, oldSlug] : [row.slug];
    if (action) {
      await this.events.record(tx, { entity: this.noun, id: row.id, action, slugs, fields: changes && Object.keys(changes) });
    }
    await this.audit.record(tx, actor, {
      action: `${this.noun}.${verb}`,
      entityType: this.spec.type,
      entityId: row.id,
      details: { name: row.name, slug: row.slug, ...details },
    });
  }
}

// What each edit means to the public: a new or restored row appears, a trashed one disappears.
const PUBLIC_ACTION = {
  created: 'published',
  updated: 'updated',
  trashed: 'deleted',
  restored: 'published',
  purged: 'deleted',
} as const;

/** The fields an update really changes, with their old and new values (for the audit log). */
function changedFields(row: TaxonomyRow, data: TaxonomyData): Record<string, { from: unknown; to: unknown }> {
  const current = row as unknown as TaxonomyData;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(data)) {
    if (to !== undefined && !isDeepStrictEqual(current[field], to)) changes[field] = { from: current[field], to };
  }
  return changes;
}

function definedOnly(data: TaxonomyData): TaxonomyData {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}
