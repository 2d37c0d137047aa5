import { Environment } from '@app/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

/** NIPs appear in paths (/api/v1/skp/{nip}/…); logs at info level must not carry them. */
export function maskPersonalData(url: string): string {
  return url.replace(/\d{18}/g, '[nip]');
}

/** The caller's X-Request-Id when it is a plain token (it goes into logs), else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * Structured JSON logs with the request id Fastify assigned (requestIdOf, echoed back as
 * X-Request-Id). Request logs carry method, masked path, status and time: no headers
 * (tokens), no bodies.
 */
export const loggingModule = LoggerModule.forRootAsync({
  inject: [Environment],
  useFactory: (environment: Environment) => ({
    pinoHttp: {
      level: environment.LOG_LEVEL,
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: maskPersonalData(request.url) }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  }),
});
