import { column, notTrashed, type EntityProjection } from '../database/projection/projection.js';
import { IMAGE_PROJECTION } from '../media/image.projection.js';

interface StoredLink {
  network: string;
  url: string;
}

// The public Author type as PostgreSQL builds it (see database/projection).
export const AUTHOR_PROJECTION: EntityProjection = {
  nodeType: 'Author',
  table: 'authors',
  visible: notTrashed,
  columns: {
    slug: column('slug'),
    name: column('name'),
    title: column('title'),
    bio: column('bio'),
    socialLinks: column('social_links'),
  },
  // The articles resolver lists by slug.
  requires: { articles: ['slug'] },
  relations: { avatar: { kind: 'one', target: () => IMAGE_PROJECTION, foreignKey: 'avatar_id' } },
  // Links are validated on write; each gets a stable id for client caches: the author's id and the network.
  finish(row) {
    const links = row.socialLinks as StoredLink[] | undefined;
    if (Array.isArray(links)) row.socialLinks = links.map((link) => ({ id: `${row.id as string}:${link.network}`, ...link }));
  },
};
