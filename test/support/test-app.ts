import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@app/platform';
import { Test } from '@nestjs/testing';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp, createHttpAdapter } from '../../apps/api/src/configure-app';
import { createTestDatabase, TestDatabase, testDatabaseKind } from './test-database';

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
 * The real API module on a database of its own: a fresh database on the server in CI, or an
 * embedded PGlite in a temporary DATA_DIR on a laptop. `options.clock` replaces the calendar.
 */
export async function startTestApp(environment: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  let serverDatabase: TestDatabase | undefined;
  let dataDir: string | undefined;
  const saved = { ...process.env };
  if (testDatabaseKind() === 'postgres') {
    serverDatabase = await createTestDatabase('postgres');
    process.env.DATABASE_URL = serverDatabase.connectionString;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'kl-e2e-'));
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dataDir;
  }
  Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...environment });
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
    databaseEnvironment: serverDatabase ? { DATABASE_URL: serverDatabase.connectionString! } : { DATA_DIR: dataDir! },
    stopApp,
    close: async () => {
      await stopApp();
      await serverDatabase?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
