import { taxonomyProjection } from '../taxonomy/taxonomy.projection.js';

export const SERIES_PROJECTION = taxonomyProjection('Series', 'series');
