import DataLoader from 'dataloader';
import type { Request } from 'express';
import { fromGlobalId, type NodeType } from '../../common/global-id.js';
import type { ArticleReferencesRepository, ReferenceIds, ReferenceRows } from './article-references.repository.js';

type Kind = keyof ReferenceRows;
type Row<K extends Kind> = ReferenceRows[K][number];

const KINDS: Record<Kind, NodeType> = { authors: 'Author', tags: 'Tag', sections: 'Section', series: 'Series', images: 'Image' };

// One loader per request (keyed by the request object), so a page of 50 articles reads each kind once.
const perRequest = new WeakMap<Request, DataLoader<string, unknown>>();

function keyOf(kind: Kind, id: string): string {
  return `${kind}:${id}`;
}

function loaderFor(req: Request, repository: ArticleReferencesRepository): DataLoader<string, unknown> {
  let loader = perRequest.get(req);
  if (loader) return loader;
  loader = new DataLoader<string, unknown>(async (keys) => {
    const ids: ReferenceIds = { authors: [], tags: [], sections: [], series: [], images: [] };
    for (const key of keys) {
      const [kind, id] = key.split(':') as [Kind, string];
      ids[kind].push(id);
    }
    const rows = await repository.findAll(ids);
    const found = new Map<string, unknown>();
    for (const kind of Object.keys(KINDS) as Kind[]) for (const row of rows[kind]) found.set(keyOf(kind, row.id), row);
    return keys.map((key) => found.get(key) ?? null);
  });
  perRequest.set(req, loader);
  return loader;
}

/** The rows behind global ids of one kind, in order; ids of unknown rows are left out. */
export async function loadReferences<K extends Kind>(
  req: Request,
  repository: ArticleReferencesRepository,
  kind: K,
  globalIds: (string | null)[],
): Promise<Row<K>[]> {
  const ids = globalIds.flatMap((globalId) => {
    const parsed = globalId ? fromGlobalId(globalId) : null;
    return parsed?.type === KINDS[kind] ? [parsed.id] : [];
  });
  const rows = await loaderFor(req, repository).loadMany(ids.map((id) => keyOf(kind, id)));
  return rows.filter((row): row is Row<K> => row !== null && !(row instanceof Error));
}
