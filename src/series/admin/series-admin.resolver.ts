import { Resolver } from '@nestjs/graphql';
import { DescribedFields } from '../../taxonomy/admin/taxonomy.input.js';
import { TaxonomyAdminResolver } from '../../taxonomy/admin/taxonomy-admin.resolver.js';
import { describedInputSchemas } from '../../taxonomy/taxonomy.schema.js';
import { SeriesEditorService } from '../series-editor.service.js';
import { AdminSeriesModel } from './admin-series.model.js';

// "Series" is its own plural, so the single lookup takes a suffix, as the public seriesBySlug does.
@Resolver(() => AdminSeriesModel)
export class SeriesAdminResolver extends TaxonomyAdminResolver({
  type: 'Series',
  plural: 'series',
  queries: { list: 'adminSeries', item: 'adminSeriesById' },
  model: AdminSeriesModel,
  fields: DescribedFields,
  schemas: describedInputSchemas('Series'),
}) {
  constructor(editor: SeriesEditorService) {
    super(editor);
  }
}
