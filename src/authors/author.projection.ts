import { column, notTrashed, type EntityProjection } from '../database/projection/projection.js';

interface StoredLink {
  network: string;
  url: string;
}

/** The injection token of the public Author projection (its avatar is an Image). */
export const AUTHOR_PROJECTION = Symbol('AuthorProjection');

// The public Author type as PostgreSQL builds it (see database/projection).
export function authorProjection(image: EntityProjection): EntityProjection {
  return {
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
    relations: { avatar: { kind: 'one', target: () => image, foreignKey: 'avatar_id' } },
    computedInJs: ['socialLinks'],
    // Links are validated on write; each gets a stable id for client caches: the author's id and the network.
    finish(row) {
      const links = row.socialLinks as StoredLink[] | undefined;
      if (Array.isArray(links)) row.socialLinks = links.map((link) => ({ id: `${row.id as string}:${link.network}`, ...link }));
    },
  };
}
