import { Database, openDatabase } from '@app/database';
import { Environment, validateEnvironment } from '@app/config';
import { EVENT_STORE, EventStore, PostgresEventStore } from '@app/event-store';
import { EventStoreDbEventStore } from '@app/event-store/eventstoredb/eventstoredb-event-store';
import { openReadModelDataSource, Projection, Projections } from '@app/projections';
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const DATABASE = Symbol('DATABASE');

export interface PlatformOptions {
  projections: readonly Projection[];
  /** `config` follows PROJECTIONS_INLINE; the projector process always runs them. */
  runProjections: 'config' | 'always';
  applicationName: string;
}

const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

/** Starts the runners once everything is built and stops them before the connections close. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    private readonly environment: Environment,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: Projections,
  ) {}

  onApplicationBootstrap(): void {
    const runHere = this.options.runProjections === 'always' || this.environment.PROJECTIONS_INLINE;
    this.logger.log(
      `event store: ${this.store.name} on ${this.database.kind}; projections ${runHere ? 'run in this process' : 'run elsewhere'}`,
    );
    if (runHere) this.projections.startRunners();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stopRunners();
    await this.dataSource.destroy();
    await this.store.close();
    await this.database.close();
  }
}

/**
 * The infrastructure every process shares: configuration, the database (server or embedded),
 * the event store, the read models' DataSource and the projections.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: Environment, useFactory: () => validateEnvironment(process.env) },
        {
          provide: DATABASE,
          inject: [Environment],
          useFactory: (environment: Environment) =>
            openDatabase({
              databaseUrl: environment.DATABASE_URL,
              dataDir: environment.DATA_DIR,
              poolSize: environment.DATABASE_POOL_SIZE,
              applicationName: options.applicationName,
            }),
        },
        {
          provide: EVENT_STORE,
          inject: [Environment, DATABASE],
          useFactory: (environment: Environment, database: Database): Promise<EventStore> =>
            environment.EVENT_STORE === 'eventstoredb'
              ? EventStoreDbEventStore.connect(environment.EVENTSTORE_CONNECTION_STRING!)
              : PostgresEventStore.open(database),
        },
        {
          provide: DataSource,
          inject: [DATABASE],
          useFactory: (database: Database) => openReadModelDataSource(database, options.projections),
        },
        {
          provide: Projections,
          inject: [DATABASE, EVENT_STORE, DataSource],
          useFactory: async (database: Database, store: EventStore, dataSource: DataSource) => {
            const logger = new Logger('Projections');
            const projections = new Projections(database, store, dataSource, options.projections, {
              onError: (error) => logger.error(error instanceof Error ? error.message : String(error)),
            });
            await projections.migrate();
            return projections;
          },
        },
        PlatformLifecycle,
      ],
      exports: [Environment, DATABASE, EVENT_STORE, DataSource, Projections],
    };
  }
}
