import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LoggerService } from '@nestjs/common';
import { AggregatorModule } from './aggregator.module';
import { AggregatorEnvironment } from './config/aggregator-environment';
import { AggregatorDatabase } from './database/aggregator-database';

/** The app on its opened database; main.ts and the tests listen on it. Reads only: no request body is accepted. */
export async function createAggregator(
  environment: AggregatorEnvironment,
  database: AggregatorDatabase,
  logger: LoggerService | false,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AggregatorModule.with(environment, database), new FastifyAdapter({ bodyLimit: 1024 }), {
    logger,
    abortOnError: false,
  });
  return app;
}
