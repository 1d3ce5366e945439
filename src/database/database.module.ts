import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DatabaseConnection } from './database-connection.js';
import { PrismaService } from './prisma.service.js';
import { ProjectionReader } from './projection/projection-reader.js';
import { QueryCounter } from './query-counter.js';
import { ReadRouter } from './replicas/read-router.js';

@Global()
@Module({})
export class DatabaseModule {
  static forConnection(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DatabaseConnection, useValue: connection },
        PrismaService,
        ReadRouter,
        QueryCounter,
        ProjectionReader,
      ],
      exports: [PrismaService, DatabaseConnection, ReadRouter, QueryCounter, ProjectionReader],
    };
  }
}
