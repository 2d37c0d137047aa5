import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@app/platform';
import { Test } from '@nestjs/testing';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp, createHttpAdapter } from '../../apps/api/src/configure-app';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** The configuration a separate process (npm run verify) needs to open the same database. */
  databaseEnvironment: Record<string, string>;
  /** Stops the app and keeps its database (to open it from another process). */
  stopApp(): Promise<void>;
  /** Stops the app and removes its database. */
  close(): Promise<void>;
}

/**
 * The real API module on a database of its own, on the server or on the run's embedded cluster
 * (test-database.ts). `options.clock` replaces the calendar.
 */
export async function startTestApp(environment: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  // The app opens its own pool on the database; the test's one is not needed.
  await testDatabase.database.close();
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: testDatabase.connectionString, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...environment });
  const builder = Test.createTestingModule({ imports: [ApiModule] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: false, bodyParser: false });
  await configureApp(app);
  process.env = saved;
  let stopped = false;
  const stopApp = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    databaseEnvironment: { DATABASE_URL: testDatabase.connectionString! },
    stopApp,
    close: async () => {
      await stopApp();
      await testDatabase.drop();
    },
  };
}

/** Listens on an ephemeral loopback port, for clients that need a real socket (fetch, curl, a browser); answers its base URL. */
export async function listenOnLoopback(testApp: TestApp): Promise<string> {
  await testApp.app.listen(0, '127.0.0.1');
  return (await testApp.app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
}
