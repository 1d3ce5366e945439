import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics.registry.js';
import { SqlStatementsMetric } from './sql-statements.metric.js';

@Global()
@Module({ controllers: [MetricsController], providers: [MetricsRegistry, SqlStatementsMetric], exports: [MetricsRegistry] })
export class MetricsModule {}
