import { randomBytes } from 'node:crypto';
import type { PrismaService } from '../../src/database/prisma.service.js';
import type { ContentFactory } from '../factories/content.factory.js';
import type { TestApp } from './create-app.js';
import type { GraphqlClient } from './graphql-client.js';

export interface TaxonomyRowLike {
  id: string;
  slug: string;
  name: string;
  deletedAt: Date | null;
}

type Overrides = { name?: string; slug?: string; deletedAt?: Date };

// What the admin taxonomy specs need to know about each of authors, tags, sections and series, so
// one table of cases covers all four.
export interface TaxonomyKind {
  type: 'Author' | 'Tag' | 'Section' | 'Series';
  /** The payload field: createTag { tag { ... } } */
  field: string;
  list: string;
  item: string;
  /** The audit action prefix: tag.created */
  noun: string;
  make(factory: ContentFactory, data?: Overrides): Promise<TaxonomyRowLike>;
  find(prisma: PrismaService, id: string): Promise<TaxonomyRowLike | null>;
  count(prisma: PrismaService): Promise<number>;
}

export const KINDS: TaxonomyKind[] = [
  {
    type: 'Author',
    field: 'author',
    list: 'adminAuthors',
    item: 'adminAuthor',
    noun: 'author',
    make: (factory, data) => factory.author(data),
    find: (prisma, id) => prisma.author.findUnique({ where: { id } }),
    count: (prisma) => prisma.author.count(),
  },
  {
    type: 'Tag',
    field: 'tag',
    list: 'adminTags',
    item: 'adminTag',
    noun: 'tag',
    make: (factory, data) => factory.tag(data),
    find: (prisma, id) => prisma.tag.findUnique({ where: { id } }),
    count: (prisma) => prisma.tag.count(),
  },
  {
    type: 'Section',
    field: 'section',
    list: 'adminSections',
    item: 'adminSection',
    noun: 'section',
    make: (factory, data) => factory.section(data),
    find: (prisma, id) => prisma.section.findUnique({ where: { id } }),
    count: (prisma) => prisma.section.count(),
  },
  {
    type: 'Series',
    field: 'series',
    list: 'adminSeries',
    item: 'adminSeriesById',
    noun: 'series',
    make: (factory, data) => factory.series(data),
    find: (prisma, id) => prisma.series.findUnique({ where: { id } }),
    count: (prisma) => prisma.series.count(),
  },
];

export const kind = (type: TaxonomyKind['type']): TaxonomyKind => KINDS.find((k) => k.type === type)!;

export type Verb = 'create' | 'update' | 'trash' | 'restore' | 'purge';

export const FIELDS = 'id slug name trashed createdAt updatedAt';

/** One mutation of one kind, taking $input and returning the payload's common fields. */
export function mutationOf(k: TaxonomyKind, verb: Verb, fields = FIELDS): string {
  const operation = `${verb}${k.type}`;
  const selection = verb === 'purge' ? 'id' : `${k.field} { ${fields} }`;
  return `mutation($input: ${verb[0]!.toUpperCase()}${verb.slice(1)}${k.type}Input!) { ${operation}(input: $input) { ${selection} } }`;
}

export function randomName(prefix = 'Item'): string {
  return `${prefix} ${randomBytes(4).toString('hex')}`;
}

/** Runs a mutation and returns its payload; fails the test on any error. */
export async function mutate(client: GraphqlClient, k: TaxonomyKind, verb: Verb, input: object, fields?: string): Promise<any> {
  const data = await client.data(mutationOf(k, verb, fields), { input });
  return data[`${verb}${k.type}`];
}

/** Everything a refused or failed mutation must leave as it was. */
export async function stateOf(t: Pick<TestApp, 'prisma'>, k: TaxonomyKind, id?: string) {
  return {
    row: id ? await k.find(t.prisma, id) : null,
    rows: await k.count(t.prisma),
    audit: await t.prisma.auditEntry.count(),
  };
}
