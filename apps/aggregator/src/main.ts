import 'reflect-metadata';
import { EmbeddedCluster } from '@app/database';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { AggregatorConfigurationError, validateAggregatorEnvironment } from './config/aggregator-environment';
import { openAggregatorDatabase } from './database/aggregator-database';
import { createAggregator } from './create-aggregator';
import { PinoLogger } from './pino-logger';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const level = LEVELS.includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL! : 'info';
const root = pino({ level, base: { service: 'aggregator' } });
const logger = root.child({ context: 'Main' });

let app: NestFastifyApplication | undefined;
let stopping = false;

async function bootstrap(): Promise<void> {
  const environment = validateAggregatorEnvironment(process.env);
  const database = await openAggregatorDatabase(environment, {
    onEmbeddedLog: (line) => root.debug({ context: 'postgres' }, line),
    onEmbeddedOpen: ({ directory, port }) => logger.info(`embedded PostgreSQL in ${directory} on 127.0.0.1:${port}`),
  });
  if (stopping) return void (await database.close());
  app = await createAggregator(environment, database, new PinoLogger(root));
  await app.listen(environment.PORT, environment.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : environment.PORT;
  logger.info(`listening on http://${environment.HOST}:${port}, following ${environment.sources.map((source) => source.name).join(', ')}`);
}

/** The app (its loops, then its database) and the embedded cluster, on every way out. */
async function stopEverything(): Promise<void> {
  await app?.close().catch((error: unknown) => logger.debug({ err: error }, 'closing the app failed'));
  await EmbeddedCluster.stopAllStarted();
}

async function fail(error: unknown): Promise<void> {
  if (stopping) return;
  stopping = true;
  const expected = error instanceof AggregatorConfigurationError;
  logger.fatal(!expected && logger.isLevelEnabled('debug') ? { err: error } : {}, error instanceof Error ? error.message : String(error));
  await stopEverything();
  process.exit(1);
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
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
