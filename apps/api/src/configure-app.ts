import multipart from '@fastify/multipart';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { answerClientError, answerFrameworkError } from './http/framework-errors';
import { useFormBodies } from './http/form-bodies';
import { useJsonBodies } from './http/json-body';
import { refuseUnstorableParameters } from './http/parameter-text';
import { answerOnceBodyIsSent } from './http/unread-body';
import { storeIdempotentAnswers } from './idempotency/idempotent-answers';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { refuseRepeatedQueryParameters } from './http/single-query-values';
import { validationPipe } from './http/validation';
import { Environment, validateEnvironment } from '@app/config';
import { UPLOAD_LIMITS } from './http/uploads/upload-limits';
import { Clock } from '@app/platform';
import { limitAnonymousWrites } from './http/anonymous-writes';
import { readClockOncePerRequest } from './http/request-clock';
import { AppLogger } from './observability/app-logger';
import { logRequests, requestIdOf } from './observability/logging';
import { countRequests, Metrics } from './observability/metrics';

/** docs/api.md's body limit; Fastify answers 413 past it, before any handler runs. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The HTTP adapter main.ts, the HTTP tests and the test processes all use. TRUSTED_PROXIES
 * decides which `X-Forwarded-For` hops name the client (`request.ip`), before any route runs.
 */
export function createHttpAdapter(environment: Pick<Environment, 'TRUSTED_PROXIES'> = validateEnvironment(process.env)): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: environment.TRUSTED_PROXIES ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    logger: false,
    genReqId: requestIdOf,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
}

/**
 * What main.ts and the HTTP tests both apply, so that tests run the real app. The app must be
 * created with `bodyParser: false`: the body parsers are these.
 */
export async function configureApp(app: NestFastifyApplication, options: { shutdownHooks?: boolean } = {}): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  logRequests(fastify, app.get(AppLogger).pino);
  countRequests(fastify, app.get(Metrics));
  readClockOncePerRequest(fastify, app.get(Clock));
  useJsonBodies(fastify);
  useFormBodies(fastify);
  // Multipart bodies are only read where a route asks for them (SpreadsheetUploadGuard), within these limits.
  await app.register(multipart, { limits: UPLOAD_LIMITS });
  answerOnceBodyIsSent(fastify);
  storeIdempotentAnswers(fastify, app.get(IdempotencyStore), app.get(AppLogger).pino);
  refuseUnstorableParameters(fastify);
  refuseRepeatedQueryParameters(fastify);
  await limitAnonymousWrites(app, app.get(Environment));
  app.useGlobalPipes(validationPipe());
  // main.ts handles the signals itself (it logs "stopped" once all is closed); test processes use Nest's.
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('kinerja-ledger')
      .setDescription('Performance accountability ledger: every plan, target, realisation, report and finding as an immutable event')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await fastify.ready();
}
