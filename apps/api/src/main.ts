import 'reflect-metadata';
import { ConfigurationError, Environment, validateEnvironment } from '@app/config';
import { DataDirError, EmbeddedCluster } from '@app/database';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { ApiModule } from './api.module';
import { configureApp, createHttpAdapter } from './configure-app';
import { AppLogger } from './observability/app-logger';
import { describeStartupFailure } from './startup/startup-failure';
import { waitForDatabase } from './startup/wait-for-database';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** JSON from the first line: LOG_LEVEL is read here before the configuration is validated. */
const level = LEVELS.includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL! : 'info';
const root = pino({ level });
const logger = root.child({ context: 'Main' });

let app: NestFastifyApplication | undefined;
let stopping = false;

async function bootstrap(): Promise<void> {
  // Validated here too, to know before Nest starts whether there is a server to wait for.
  const settings = validateEnvironment(process.env);
  let port = settings.PORT;
  if (settings.DATABASE_URL) {
    const wait = await waitForDatabase(settings);
    port = wait.port;
    await wait.ready;
  }
  if (stopping) return;
  // Nest's own start-up lines and its ExceptionHandler go to the same JSON logger; a failure is
  // thrown here (not Nest's process.abort) so that what was started can be stopped.
  app = await NestFactory.create<NestFastifyApplication>(ApiModule, createHttpAdapter(settings), {
    logger: new AppLogger(root),
    abortOnError: false,
    bodyParser: false,
  });
  const appLogger = app.get(AppLogger);
  app.useLogger(appLogger);
  // The signals are this file's: a stop says "stopped" once everything, postgres last, is closed.
  await configureApp(app, { shutdownHooks: false });
  const environment = app.get(Environment);
  await app.listen(port, environment.HOST);
  appLogger.log(`listening on http://${environment.HOST}:${port} (API docs at /docs)`, 'Main');
  if (environment.usesDevelopmentSecret) {
    appLogger.warn('AUTH_JWT_SECRET is not set: tokens are signed with the development secret, which anyone can read; set it outside a laptop', 'Main');
  }
}

/** Whatever was started (the app, the embedded cluster) is stopped, on every path out. */
async function stopEverything(): Promise<void> {
  const closing = app?.close().catch((error: unknown) => logger.debug({ err: error }, 'closing the app failed'));
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
  await EmbeddedCluster.stopAllStarted();
}

async function fail(error: unknown): Promise<void> {
  if (stopping) return;
  stopping = true;
  const expected = error instanceof ConfigurationError || error instanceof DataDirError;
  // One line that says what to change; the stack only when asked for (LOG_LEVEL=debug).
  logger.fatal(logger.isLevelEnabled('debug') && !expected ? { err: error } : {}, describeStartupFailure(error));
  await stopEverything();
  process.exit(1);
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    logger.warn(`${signal} again: stopping now`);
    await EmbeddedCluster.stopAllStarted();
    process.exit(130);
  }
  stopping = true;
  logger.info(`stopping (${signal})`);
  await stopEverything();
  logger.info('stopped');
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
bootstrap().catch(fail);
