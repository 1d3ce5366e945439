import type { ApolloServerPlugin } from '@apollo/server';
import { Inject, Injectable } from '@nestjs/common';
import { getOperationAST } from 'graphql';
import { Counter, Histogram } from 'prom-client';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MetricsRegistry } from './metrics.registry.js';

// Operation names come from clients: only plausible names are used as labels, and only so many, so
// a client cannot blow up the number of series.
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_NAMES = 200;

type Labels = 'endpoint' | 'operation' | 'type';

// newsdesk_graphql_operations_total (by result), newsdesk_graphql_errors_total (by code) and
// newsdesk_graphql_operation_duration_seconds, for each endpoint and operation name.
@Injectable()
export class GraphqlOperationMetrics {
  private readonly operations: Counter<Labels | 'result'>;
  private readonly errors: Counter<Labels | 'code'>;
  private readonly duration: Histogram<Labels>;
  private readonly names = new Set<string>();

  constructor(
    metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const registers = [metrics.registry];
    this.operations = new Counter({
      name: 'newsdesk_graphql_operations_total',
      help: 'GraphQL operations by result (ok, or error when the response has errors)',
      labelNames: ['endpoint', 'operation', 'type', 'result'],
      registers,
    });
    this.errors = new Counter({
      name: 'newsdesk_graphql_errors_total',
      help: 'Errors in GraphQL responses by extensions.code',
      labelNames: ['endpoint', 'operation', 'type', 'code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'newsdesk_graphql_operation_duration_seconds',
      help: 'Time from parsing a GraphQL request to its response',
      labelNames: ['endpoint', 'operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }

  plugin(endpoint: 'public' | 'admin'): ApolloServerPlugin {
    if (!this.config.metricsEnabled) return {};
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ operation, document, request, errors }) => {
            // A document that failed validation has no operation yet; its name and type are still known.
            const op = operation ?? (document ? getOperationAST(document, request.operationName) : null);
            const labels = {
              endpoint,
              operation: this.nameLabel(op?.name?.value ?? request.operationName),
              type: op?.operation ?? 'unknown',
            };
            this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
            this.operations.inc({ ...labels, result: errors?.length ? 'error' : 'ok' });
            for (const error of errors ?? []) {
              const code = error.extensions?.code;
              this.errors.inc({ ...labels, code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
            }
          },
        };
      },
    };
  }

  private nameLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!NAME.test(name)) return '(other)';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_NAMES) return '(other)';
    this.names.add(name);
    return name;
  }
}
