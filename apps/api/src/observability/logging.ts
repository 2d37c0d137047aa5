import { Environment } from '@app/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

/** NIPs appear in paths (/api/v1/skp/{nip}/…); logs at info level must not carry them. */
export function maskPersonalData(url: string): string {
  return url.replace(/\d{18}/g, '[nip]');
}

/**
 * Structured JSON logs with a request id (taken from X-Request-Id or made, and echoed back).
 * Request logs carry method, masked path, status and time: no headers (tokens), no bodies.
 */
export const loggingModule = LoggerModule.forRootAsync({
  inject: [Environment],
  useFactory: (environment: Environment) => ({
    pinoHttp: {
      level: environment.LOG_LEVEL,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: maskPersonalData(request.url) }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  }),
});
