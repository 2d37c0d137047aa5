/**
 * The framework's own floor for the HTTP bench: NestJS on the same Fastify adapter, one
 * controller answering a constant. What the API adds above this is ours.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpAdapter } from '../apps/api/src/configure-app';

const body = { code: 'DINKES', name: 'Dinas Kesehatan', status: 'ACTIVE', revision: 3 };

@Controller()
class ConstantController {
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('constant')
  constant() {
    return body;
  }
}

@Module({ controllers: [ConstantController] })
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, createHttpAdapter(), { logger: false, bodyParser: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
