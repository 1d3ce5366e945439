import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DatabaseConnection } from './database-connection.js';
import { PrismaService } from './prisma.service.js';
import { ProjectionReader } from './projection/projection-reader.js';
import { QueryCounter } from './query-counter.js';
import { ReadRouter } from './replicas/read-router.js';
import { TransactionRunner } from './transaction-runner.js';

@Global()
@Module({})
export class DatabaseModule {
  static forConnection(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DatabaseConnection, useValue: connection },
        PrismaService,
        TransactionRunner,
        ReadRouter,
        QueryCounter,
        ProjectionReader,
      ],
      exports: [PrismaService, TransactionRunner, DatabaseConnection, ReadRouter, QueryCounter, ProjectionReader],
    };
  }
}
