import 'reflect-metadata';
import { Environment, validateEnvironment } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from './api.module';
import { configureApp, createHttpAdapter } from './configure-app';
import { AppLogger } from './observability/app-logger';
import { waitForDatabase } from './startup/wait-for-database';

async function bootstrap(): Promise<void> {
  // Validated here too, to know before Nest starts whether there is a server to wait for.
  const settings = validateEnvironment(process.env);
  let port = settings.PORT;
  if (settings.DATABASE_URL) {
    const wait = await waitForDatabase(settings);
    port = wait.port;
    await wait.ready;
  }
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, createHttpAdapter(), { bufferLogs: true, bodyParser: false });
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  await configureApp(app);
  const environment = app.get(Environment);
  await app.listen(port, environment.HOST);
  logger.log(`listening on http://${environment.HOST}:${port} (API docs at /docs)`, 'Main');
  if (environment.usesDevelopmentSecret) {
    logger.warn('AUTH_JWT_SECRET is not set: tokens are signed with the development secret, which anyone can read; set it outside a laptop', 'Main');
  }
}

void bootstrap();
