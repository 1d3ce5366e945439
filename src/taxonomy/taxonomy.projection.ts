import type { NodeType } from '../common/global-id.js';
import { column, notTrashed, type EntityProjection } from '../database/projection/projection.js';

/** The public shape tags, sections and series share (TaxonomyNodeModel), read from `table`. */
export function taxonomyProjection(nodeType: NodeType, table: string): EntityProjection {
  return {
    nodeType,
    table,
    visible: notTrashed,
    columns: { slug: column('slug'), name: column('name'), description: column('description') },
    // The articles resolver lists by slug.
    requires: { articles: ['slug'] },
  };
}
