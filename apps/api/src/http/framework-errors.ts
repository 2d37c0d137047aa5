import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
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

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over Node's 16 KiB
 * limit, a malformed request line, a client that times out): a minimal problem document on the
 * raw socket, which is then closed, as Node and Fastify do by default.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(431, 'HEADERS_TOO_LARGE', 'The request headers are larger than the server accepts')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(408, 'REQUEST_TIMEOUT', 'The request did not arrive in time')
        : problem(400, 'VALIDATION_FAILED', 'The request could not be read as HTTP');
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
