import { Global, Module } from '@nestjs/common';
import { DatabaseReadsMetric } from './database-reads.metric.js';
import { GraphqlOperationMetrics } from './graphql-operation.metrics.js';
import { HttpRequestMetrics } from './http-request.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics.registry.js';
import { SqlStatementsMetric } from './sql-statements.metric.js';

const exported = [MetricsRegistry, HttpRequestMetrics, GraphqlOperationMetrics];

@Global()
@Module({
  controllers: [MetricsController],
  providers: [...exported, SqlStatementsMetric, DatabaseReadsMetric],
  exports: exported,
})
export class MetricsModule {}
