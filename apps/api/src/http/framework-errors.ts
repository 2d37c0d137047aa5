import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem';

/**
 * What Fastify answers itself, before any route or error handler: a URL that does not decode
 * (`%FF`, `%ED%A0%80`) and a path parameter over its length limit. Problem documents too.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problem(414, 'URI_TOO_LONG', 'A path parameter is too long')
      : problem(400, 'VALIDATION_FAILED', 'The URL does not decode as UTF-8', { errors: [{ field: 'path', message: 'not valid percent-encoded UTF-8' }] });
  void reply.status(body.status).headers({ 'Content-Type': 'application/problem+json', 'X-Request-Id': request.id }).send(JSON.stringify(body));
}
