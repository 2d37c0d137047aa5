import { Database, migrateSchema, openDatabase } from '@app/database';
import { Environment, validateEnvironment } from '@app/config';
import { EVENT_STORE, EventStore, IntegrityCheckpoints, PostgresEventStore } from '@app/event-store';
import { WorkingCalendar } from '@app/domain';
import { PersonalData, resolveDeploymentKey } from '@app/personal-data';
import { openReadModelDataSource, Projection, Projections } from '@app/projections';
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, SystemClock } from './clock';

export const DATABASE = Symbol('DATABASE');

export interface PlatformOptions {
  projections: readonly Projection[];
  /** `config` follows PROJECTIONS_INLINE; the projector process always runs them. */
  runProjections: 'config' | 'always';
  applicationName: string;
}

const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
const embeddedLogger = new Logger('EmbeddedPostgres');

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
    private readonly checkpoints: IntegrityCheckpoints,
  ) {}

  private readonly stopping = new AbortController();
  private checkpointing?: Promise<void>;

  onApplicationBootstrap(): void {
    const runHere = this.options.runProjections === 'always' || this.environment.PROJECTIONS_INLINE;
    this.logger.log(`event store: ${this.store.name} on ${this.database.kind}; projections ${runHere ? 'run in this process' : 'run elsewhere'}`);
    if (!runHere) return;
    this.projections.startRunners();
    // The background work of the log travels with the projections: one leaseholder at a time.
    this.checkpointing = this.checkpoints.run(this.stopping.signal, 1000, (error) =>
      this.logger.error(`integrity checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.checkpointing;
    await this.projections.close();
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
          useFactory: async (environment: Environment) => {
            const database = await openDatabase({
              databaseUrl: environment.DATABASE_URL,
              dataDir: environment.DATA_DIR,
              poolSize: environment.DATABASE_POOL_SIZE,
              applicationName: options.applicationName,
              onEmbeddedLog: (line) => embeddedLogger.debug(line),
              onEmbeddedOpen: ({ directory, port, started }) =>
                embeddedLogger.log(`embedded PostgreSQL under ${directory} on 127.0.0.1:${port}${started ? '' : ' (already running for another process)'}`),
            });
            // Every table but the read models, whichever event store is configured.
            await migrateSchema(database.pool);
            return database;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [Environment, DATABASE],
          useFactory: async (environment: Environment, database: Database): Promise<EventStore> => {
            if (environment.EVENT_STORE !== 'eventstoredb') {
              return PostgresEventStore.open(database, { streamCacheBytes: environment.STREAM_CACHE_MB * 1024 * 1024 });
            }
            // Loaded only when configured: the client with its gRPC and protobuf stack is 6 MB of
            // heap that would stay live in every process, and V8 lets the old generation grow to
            // a multiple of what stays live.
            const { EventStoreDbEventStore } = await import('@app/event-store/eventstoredb/eventstoredb-event-store');
            return EventStoreDbEventStore.connect(environment.EVENTSTORE_CONNECTION_STRING!);
          },
        },
        {
          provide: DataSource,
          inject: [DATABASE],
          useFactory: (database: Database) => openReadModelDataSource(database, options.projections),
        },
        {
          provide: Projections,
          inject: [Environment, DATABASE, EVENT_STORE, DataSource],
          useFactory: async (environment: Environment, database: Database, store: EventStore, dataSource: DataSource) => {
            const logger = new Logger('Projections');
            const projections = new Projections(database, store, dataSource, options.projections, {
              onError: (error) => logger.error(error instanceof Error ? error.message : String(error)),
              liveBatchIntervalMs: environment.PROJECTION_BATCH_INTERVAL_MS,
              // The projector answers no reads.
              readCacheBytes: options.runProjections === 'always' ? 0 : environment.READ_CACHE_MB * 1024 * 1024,
            });
            await projections.initialise();
            return projections;
          },
        },
        {
          provide: IntegrityCheckpoints,
          inject: [Environment, DATABASE, EVENT_STORE],
          useFactory: async (environment: Environment, database: Database, store: EventStore) => {
            const checkpoints = new IntegrityCheckpoints(database, store, {
              maxEvents: environment.INTEGRITY_CHECKPOINT_EVENTS,
              maxAgeMs: environment.INTEGRITY_CHECKPOINT_SECONDS * 1000,
            });
            return checkpoints;
          },
        },
        {
          // Subjects and their keys (libs/personal-data): a wrong PERSONAL_DATA_KEY stops the start here.
          provide: PersonalData,
          inject: [Environment, DATABASE],
          useFactory: async (environment: Environment, database: Database) => {
            const personalData = await PersonalData.open(database.pool, resolveDeploymentKey(environment));
            // Its connection closes with the database's.
            await personalData.followErasures(database);
            return personalData;
          },
        },
        { provide: Clock, inject: [Environment], useFactory: (environment: Environment) => new SystemClock(environment.TIME_ZONE) },
        { provide: WorkingCalendar, inject: [Environment], useFactory: (environment: Environment) => new WorkingCalendar(environment.holidays) },
        PlatformLifecycle,
      ],
      exports: [Environment, Clock, WorkingCalendar, DATABASE, EVENT_STORE, DataSource, Projections, IntegrityCheckpoints, PersonalData],
    };
  }
}
