import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem, ProblemException } from './problem';

/**
 * How deep a body may nest. Our deepest DTO (an SKP: results → indicators, cascadedFrom) is
 * four levels; class-transformer and class-validator recurse once per level, and a body nested
 * a few thousand deep overflows their stack (a RangeError, a 500) long before the 1 MiB limit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The body parsers: JSON, and the +json types too. An empty body is no body (a POST that moves
 * a state has none, and clients send the Content-Type anyway). What they refuse reaches the
 * problem filter through Nest's own error handler.
 */
export function useJsonBodies(fastify: FastifyInstance): void {
  // Bodies are JSON; anything else is a 415, not a string handed to the validation.
  fastify.removeContentTypeParser('text/plain');
  fastify.removeContentTypeParser('application/json');
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  for (const type of ['application/json', /^application\/[\w.-]+\+json(;|$)/]) {
    fastify.addContentTypeParser(type, { parseAs: 'string' }, (request, body, done) => {
      const text = body as string;
      if (text === '') return done(null, undefined);
      const refusal = charsetRefusal(request) ?? depthRefusal(text);
      return refusal ? done(refusal, undefined) : parseJson(request, text, done);
    });
  }
  // Fastify reads the bytes as they come; a compressed body would be parsed as if it were not.
  fastify.addHook('onRequest', (request, _reply, done) => done(encodingRefusal(request) ?? undefined));
}

/** The body is read as UTF-8, which JSON requires (RFC 8259 §8.1); another charset is not ours to guess. */
function charsetRefusal(request: FastifyRequest): ProblemException | null {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset === undefined || /^utf-?8$/i.test(charset)) return null;
  return unsupported(`The body must be UTF-8 JSON; charset=${charset.slice(0, 40)} is not read`);
}

function encodingRefusal(request: FastifyRequest): ProblemException | null {
  const encoding = request.headers['content-encoding'];
  if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return null;
  // Without a body there is nothing to decode (a GET with a stray header is still a GET).
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!hasBody) return null;
  return unsupported('Compressed bodies are not accepted: send the JSON without a Content-Encoding');
}

function unsupported(detail: string): ProblemException {
  return new ProblemException(problem(415, 'UNSUPPORTED_MEDIA_TYPE', detail));
}

/** One pass over the text, counting brackets outside strings: cheap next to parsing it. */
function depthRefusal(text: string): ProblemException | null {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        return new ProblemException(
          problem(400, 'VALIDATION_FAILED', `The body nests deeper than ${MAX_JSON_DEPTH} levels`, {
            errors: [{ field: 'body', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }],
          }),
        );
      }
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return null;
}
