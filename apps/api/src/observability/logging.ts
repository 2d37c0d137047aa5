import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * NIPs appear in paths (/api/v1/skp/{nip}/…); logs at info level must not carry them. Nor the
 * tracking code of a complaint or a WBS report: a log line's time beside a proxy's record of who
 * called could tie a reporter to a report.
 */
export function maskPersonalData(url: string): string {
  return url.replace(/\d{18}/g, '[nip]').replace(/\/(complaints|wbs|complaint)\/[^/?#]+/gi, (_match, kind: string) => `/${kind}/[code]`);
}

/** The caller's X-Request-Id when it is a plain token (it goes into logs), else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * One structured line per answered request, with the request id Fastify assigned (requestIdOf,
 * echoed back as X-Request-Id): method, masked path, status and time; no headers (tokens), no
 * bodies. A Fastify hook rather than a middleware: below the log level it costs a comparison,
 * and it needs no per-request child logger or async context.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const failed = reply.statusCode >= 500;
    if (logger.isLevelEnabled(failed ? 'error' : 'info')) {
      logger[failed ? 'error' : 'info'](
        {
          req: { id: request.id, method: request.method, url: maskPersonalData(request.url) },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        failed ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}
