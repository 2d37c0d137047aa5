import 'reflect-metadata';
import { Environment } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { configureApp, createHttpAdapter } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, createHttpAdapter(), { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await configureApp(app);
  const environment = app.get(Environment);
  await app.listen(environment.PORT, environment.HOST);
  logger.log(`listening on http://${environment.HOST}:${environment.PORT} (API docs at /docs)`, 'Main');
  if (environment.usesDevelopmentSecret) {
    logger.warn('AUTH_JWT_SECRET is not set: tokens are signed with the development secret, which anyone can read; set it outside a laptop', 'Main');
  }
}

void bootstrap();
