/**
 * The real API in a process of its own, for tests that kill it. With
 * KL_CRASH_AFTER_APPENDING=<event type> it kills itself (SIGKILL) the moment an append of that
 * type has committed and before anything answers: the crash between the append and the answer.
 * The injection lives here, in test support, not in the service. It prints `waiting <port>` when
 * its stand-in answers (the database may not yet) and `listening <port>` when the API does.
 */
import 'reflect-metadata';
import { validateEnvironment } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppendOptions, NewEvent, PostgresEventStore } from '@app/event-store';
import { AddressInfo } from 'node:net';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp, createHttpAdapter } from '../../apps/api/src/configure-app';
import { waitForDatabase } from '../../apps/api/src/startup/wait-for-database';

const crashAfter = process.env.KL_CRASH_AFTER_APPENDING;
if (crashAfter) {
  const append = PostgresEventStore.prototype.appendToStream;
  PostgresEventStore.prototype.appendToStream = async function (this: PostgresEventStore, stream: string, events: NewEvent[], options?: AppendOptions) {
    const result = await append.call(this, stream, events, options);
    if (events.some((event) => event.type === crashAfter)) process.kill(process.pid, 'SIGKILL');
    return result;
  };
}

async function main(): Promise<void> {
  // As main.ts: a database that does not answer yet is waited for, behind a stand-in.
  const wait = await waitForDatabase(validateEnvironment({ ...process.env, PORT: '0', HOST: '127.0.0.1' }));
  process.stdout.write(`waiting ${wait.port}\n`);
  await wait.ready;
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, createHttpAdapter(), { logger: false, bodyParser: false });
  await configureApp(app);
  await app.listen(wait.port, '127.0.0.1');
  process.stdout.write(`listening ${(app.getHttpServer().address() as AddressInfo).port}\n`);
}

void main();
