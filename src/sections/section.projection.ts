import { column } from '../database/projection/projection.js';
import { taxonomyProjection } from '../taxonomy/taxonomy.projection.js';

const base = taxonomyProjection('Section', 'sections');

// Sections also carry their display position (not in the GraphQL type), for grouping by section.
export const SECTION_PROJECTION = { ...base, columns: { ...base.columns, position: column('position') } };
