import { DomainError, DomainErrorKind } from '@app/domain';
import { EventStoreError, StreamContendedError, WrongExpectedRevisionError } from '@app/event-store';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { problem, Problem, ProblemException } from './problem';

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  RULE_VIOLATED: 422,
};

const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  503: 'UNAVAILABLE',
};

/**
 * Every error leaves as application/problem+json. Nothing of an unexpected error (stack, SQL,
 * message) reaches the client; it is logged with the request id instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    sendProblem(host.switchToHttp().getResponse<FastifyReply>(), error, this.logger);
  }
}

/** Answers `error` as a problem document, whichever layer threw it. */
function sendProblem(reply: FastifyReply, error: unknown, logger: Pick<Logger, 'error'>): void {
  const { body, headers } = toProblem(error);
  if (body.status >= 500 && !(error instanceof ProblemException)) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  void reply
    .status(body.status)
    .headers({ 'Content-Type': 'application/problem+json', ...headers })
    .send(JSON.stringify(body));
}

function toProblem(error: unknown): { body: Problem; headers?: Record<string, string> } {
  if (error instanceof ProblemException) return { body: error.problem, headers: error.headers };
  if (error instanceof DomainError) return { body: problem(DOMAIN_STATUS[error.kind], error.code, error.message, error.extensions) };
  if (error instanceof WrongExpectedRevisionError) {
    return {
      body: problem(412, 'REVISION_MISMATCH', `The resource is at revision ${error.actual}`, { currentRevision: error.actual }),
      headers: { ETag: `"${error.actual}"` },
    };
  }
  if (error instanceof StreamContendedError) {
    return {
      body: problem(503, 'UNAVAILABLE', 'Too many writes to this resource at once; nothing was written, try again shortly'),
      headers: { 'Retry-After': '1' },
    };
  }
  if (error instanceof EventStoreError) return { body: problem(422, error.code, error.message) };
  const bodyError = bodyParsingProblem(error);
  if (bodyError) return { body: bodyError };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse() as { details?: unknown };
    // A failed health check carries which dependency is down.
    const checks = typeof response === 'object' && response?.details ? { checks: response.details } : {};
    const detail = status === 503 ? 'A dependency is unavailable' : status === 415 ? JSON_WANTED : httpDetail(error);
    return { body: problem(status, HTTP_CODES[status] ?? 'ERROR', detail, checks) };
  }
  if (isDependencyDown(error)) {
    return { body: problem(503, 'UNAVAILABLE', 'A dependency is unavailable; try again shortly'), headers: { 'Retry-After': '5' } };
  }
  return { body: problem(500, 'INTERNAL', 'Something went wrong on our side; it has been logged') };
}

const JSON_WANTED = 'The body must be JSON, sent with the header Content-Type: application/json';

/** Fastify refused the body before any handler ran: too large, not JSON, or not a type we read. */
function bodyParsingProblem(error: unknown): Problem | null {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof statusCode !== 'number' || statusCode >= 500) return null;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'PAYLOAD_TOO_LARGE', 'The body is larger than 1 MiB');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(415, 'UNSUPPORTED_MEDIA_TYPE', JSON_WANTED);
  if (error instanceof SyntaxError || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return problem(400, 'VALIDATION_FAILED', 'The body is not valid JSON');
  if (typeof code === 'string' && code.startsWith('FST_'))
    return problem(statusCode, HTTP_CODES[statusCode] ?? 'VALIDATION_FAILED', 'The request could not be read');
  return null;
}

/** Connection failures (network, server shutting down, closed pool), not bugs: 503, not 500. */
function isDependencyDown(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) || /^(08|57P0)/.test(code))) return true;
  return typeof message === 'string' && /Cannot use a pool after calling end|Connection terminated/i.test(message);
}

function httpDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}
