import 'reflect-metadata';
import { Environment } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(ApiModule);
  app.enableShutdownHooks();
  await app.listen(app.get(Environment).PORT);
}

void bootstrap();
