import { taxonomyProjection } from '../taxonomy/taxonomy.projection.js';

export const TAG_PROJECTION = taxonomyProjection('Tag', 'tags');
